import { sendEvent } from '../../../events/inngest-client';
import { searchPerformed } from '../../../events/schemas';
import type { HandlerArgs } from '../../../trpc/context';
import type { QueryInput, SuggestInput } from '../inputs';
import { searchRules } from '../search-rules';
import { readyIndex } from '../ready-index';
import { redirectAnswer, type SearchResults, type Suggestion } from '../views';

/**
 * Full-text search with typo tolerance, facets, filters, sorting and pages, answered from this
 * replica's in-memory index. An empty `q` with a category filter browses that category.
 */
export async function query({ input, ctx }: HandlerArgs<QueryInput>): Promise<SearchResults> {
  const index = await readyIndex();
  const rules = searchRules.rules;
  const redirect = input.q ? rules.redirectFor(input.q) : null;
  // A redirected query is not recorded: it found a page, and is no zero-result search.
  if (redirect) return redirectAnswer(input.page, redirect);
  const answer = index.search(input, rules);

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
