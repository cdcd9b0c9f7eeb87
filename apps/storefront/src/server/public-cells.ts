import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { storefrontEnv } from '@/env';

/**
 * A cell client for public catalogue reads whose answers are cached across requests. It sends no
 * per-request headers (no request id, never identity): a cached answer is shared by every
 * shopper, so nothing about one request may shape it, and `headers()` cannot be read inside a
 * cache scope anyway.
 */
let client: ReturnType<typeof createCellClient> | undefined;

export function publicCells() {
  client ??= createCellClient({ urlFor: cellUrlsFromEnv(storefrontEnv()) });
  return client;
}
