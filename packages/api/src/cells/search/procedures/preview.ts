import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import type { PreviewInput } from '../inputs';
import { MerchandisingRules } from '../merchandising-rules';
import { boostRuleId, queryRuleId, synonymId } from '../rule-ids';
import type { RuleSet } from '../rule-set';
import { searchRules } from '../search-rules';
import type { SearchResults } from '../views';
import { readyIndex } from '../ready-index';

/** The stored rules with each kind the draft gives replaced by the draft's. */
function draftRules(draft: PreviewInput['rules'], stored: RuleSet): RuleSet {
  return {
    synonyms:
      draft.synonyms?.map((rule) => ({ id: synonymId(rule.direction, rule.terms), ...rule })) ??
      stored.synonyms,
    redirects:
      draft.redirects?.map((rule) => ({ id: queryRuleId(rule.query), ...rule })) ??
      stored.redirects,
    pins: draft.pins?.map((rule) => ({ id: queryRuleId(rule.query), ...rule })) ?? stored.pins,
    boosts: draft.boosts?.map((rule) => ({ id: boostRuleId(rule), ...rule })) ?? stored.boosts,
  };
}

/**
 * The first page a shopper would see for `q` with the draft rules (nothing is saved or
 * recorded). A redirect is named AND the results shown, so staff see what it replaces.
 */
export async function preview({
  input,
}: HandlerArgs<PreviewInput, SignedInContext>): Promise<SearchResults> {
  const index = await readyIndex();
  const rules = new MerchandisingRules(draftRules(input.rules, searchRules.rules.set));
  const answer = index.search(
    {
      q: input.q,
      filters: input.filters,
      exact: false,
      sort: 'relevance',
      page: input.page,
      pageSize: input.pageSize,
    },
    rules,
  );
  return { ...answer, redirect: rules.redirectFor(input.q) };
}
