import type { Domain } from '../domains';

/**
 * The header that carries the internal credential (`CELL_SERVICE_TOKEN`) on every server-side
 * call to a cell: cells refuse procedures without it when one is configured (always in
 * production). Browser-safe: only the name lives here, never a value.
 */
export const cellCredentialHeader = 'x-shop-cell-token';

/**
 * A domain-to-URL resolver that may carry the credential to present there: `cellUrlsFromEnv`
 * attaches it from the same configuration the URLs come from, so every server-side client built
 * from the environment sends it, and a browser's client (`/api/cells/...`) never has one.
 */
export type CellUrls = ((domain: Domain) => string) & {
  readonly cellCredential?: string;
};
