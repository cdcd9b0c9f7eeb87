import { TRPCError } from '@trpc/server';
import { sendEvent } from '../../../events/inngest-client';
import { searchPerformed } from '../../../events/schemas';
import type { HandlerArgs } from '../../../trpc/context';
import type { CatalogIndex } from '../catalog-index';
import { IndexNotReadyError } from '../index-sync';
import type { QueryInput, SuggestInput } from '../inputs';
import { searchIndex } from '../search-index';
import type { SearchResults, Suggestion } from '../views';

/** How long a search waits for the first index build before answering 503. */
const firstBuildWaitMs = 15_000;

async function readyIndex(): Promise<CatalogIndex> {
  try {
    return await searchIndex.ready(firstBuildWaitMs);
  } catch (error) {
    if (error instanceof IndexNotReadyError) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message });
    }
    throw error;
  }
}

/**
 * Full-text search with typo tolerance, facets, filters, sorting and pages, answered from this
 * replica's in-memory index. An empty `q` with a category filter browses that category.
 */
export async function query({ input, ctx }: HandlerArgs<QueryInput>): Promise<SearchResults> {
  const index = await readyIndex();
  const answer = index.search(input);

  // A category page (no words) is browsing, not a search: it would be the top "search".
  if (!input.q) return answer;
  // Recorded after answering: the shopper never waits for analytics, and a failure is logged.
  sendEvent('search', searchPerformed, {
    query: input.q,
    filters: input.filters ?? {},
    sort: input.sort,
    page: input.page,
    resultCount: answer.totalCount,
    zeroResults: answer.totalCount === 0,
    requestId: ctx.requestId,
  }).catch((error: unknown) =>
    ctx.logger.warn({ err: error }, 'could not send search/search.performed'),
  );
  return answer;
}

/** As-you-type suggestions: completed queries, a few products, matching categories. */
export async function suggest({
  input,
}: HandlerArgs<SuggestInput>): Promise<{ suggestions: Suggestion[] }> {
  const index = await readyIndex();
  return { suggestions: index.suggest(input.q) };
}
