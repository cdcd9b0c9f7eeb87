import { TRPCError } from '@trpc/server';
import type { CatalogIndex } from './catalog-index';
import { IndexNotReadyError } from './index-sync';
import { searchIndex } from './search-index';

/** How long a search waits for the first index build before answering 503. */
const firstBuildWaitMs = 15_000;

/** This replica's index, or 503 while its first build runs. */
export async function readyIndex(): Promise<CatalogIndex> {
  try {
    return await searchIndex.ready(firstBuildWaitMs);
  } catch (error) {
    if (error instanceof IndexNotReadyError) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message });
    }
    throw error;
  }
}
