'use client';

import type { AppRouter } from '@shop/api/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/** React Query bindings for the cells, used by client components (`useTRPC().search.query...`). */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
