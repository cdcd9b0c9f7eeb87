'use client';

import { createCellClient } from '@shop/api/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { TRPCProvider } from './trpc';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Server components render the page's data; client queries are small and interactive.
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Client-side data access: the browser never talks to a cell directly, only to this app's
 * gateway route (`/api/cells/<domain>`), which forwards to the cell.
 */
export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (useState keeps it across re-renders, not across requests).
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() =>
    createCellClient({ urlFor: (domain) => `/api/cells/${domain}` }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
