import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
// `import type` (not `import { type ... }`): the latter keeps a side-effect import of the
// server router under verbatimModuleSyntax, pulling mongoose and every cell into browser bundles.
import type { AppRouter } from '../router';
import type { Domain } from '../domains';
import { cellCredentialHeader, type CellUrls } from './cell-credential';
import { domainRoutingLink } from './domain-routing-link';

export type CellHeaders = Record<string, string>;

export interface CellClientOptions {
  /** The tRPC endpoint of a domain, e.g. `http://product:3003/trpc` or `/api/cells/product`. */
  urlFor: (domain: Domain) => string;
  /** Headers sent with every request (identity, request id). Called once per HTTP batch. */
  headers?: () => CellHeaders | Promise<CellHeaders>;
  fetch?: typeof fetch;
}

/** Batches larger than this are split, keeping GET URLs well below common header limits. */
const maxUrlLength = 4_000;

/**
 * The typed client for every cell: one `httpBatchLink` per domain, chosen by the first path
 * segment, so `client.product.list.query()` goes to the product cell wherever it lives.
 */
export function createCellClient(options: CellClientOptions): TRPCClient<AppRouter> {
  const credential = (options.urlFor as CellUrls).cellCredential;
  const headers = credential
    ? async () => ({ ...(await options.headers?.()), [cellCredentialHeader]: credential })
    : options.headers;
  return createTRPCClient<AppRouter>({
    links: [
      domainRoutingLink<AppRouter>((domain) =>
        httpBatchLink({
          url: options.urlFor(domain),
          maxURLLength: maxUrlLength,
          headers,
          fetch: options.fetch,
        }),
      ),
    ],
  });
}
