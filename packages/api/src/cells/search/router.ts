import { z } from 'zod';
import { cellClient } from '../../cross-cell/cell-client';
import { sendEvent } from '../../events/inngest-client';
import { searchPerformed } from '../../events/schemas';
import { pageWindow, paginationInput } from '../../trpc/pagination';
import { publicProcedure } from '../../trpc/procedures';
import { router } from '../../trpc/init';
import type { ProductSummary } from '../product/types';
import { statusProcedure } from '../status';
import { fetchCatalog } from './catalog';
import { matchesQuery } from './matches-query';

export interface SearchResults {
  results: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}

const queryInput = z.object({
  q: z.string().trim().min(1).max(200),
  ...paginationInput,
});

export const searchRouter = router({
  status: statusProcedure('search'),

  /**
   * Products whose name or brand contains the query (case-insensitive). The skeleton asks the
   * product cell for the catalogue over HTTP and filters here; a real index replaces this.
   */
  query: publicProcedure.input(queryInput).query(async ({ input, ctx }): Promise<SearchResults> => {
    const catalog = await fetchCatalog(cellClient());
    const matches = catalog.filter((product) => matchesQuery(product, input.q));
    const { skip, limit } = pageWindow(input.page, input.pageSize);

    // Recorded after answering: the shopper never waits for analytics, and a failure is logged.
    sendEvent('search', searchPerformed, {
      query: input.q,
      resultCount: matches.length,
      zeroResults: matches.length === 0,
      requestId: ctx.requestId,
    }).catch((error: unknown) =>
      ctx.logger.warn({ err: error }, 'could not send search/search.performed'),
    );

    return {
      results: matches.slice(skip, skip + limit),
      totalCount: matches.length,
      page: input.page,
      hasMore: skip + limit < matches.length,
    };
  }),
});
