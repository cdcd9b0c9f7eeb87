import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import type {
  DeleteBoostRuleInput,
  DeleteRedirectInput,
  DeleteSynonymInput,
  SaveBoostRuleInput,
  SaveQueryPinsInput,
  SaveRedirectInput,
  SaveSynonymInput,
} from '../inputs';
import type { BoostRule, QueryPinsRule, RedirectRule, SynonymRule } from '../rule-set';
import {
  deleteBoostRuleById,
  deleteRedirectRule,
  deleteSynonymRule,
  storedRules,
  writeBoostRule,
  writeQueryPins,
  writeRedirect,
  writeSynonym,
  type RuleChange,
} from '../rule-store';
import { searchRules } from '../search-rules';
import type { MerchandisingView } from '../views';

// Staff merchandising: every write is keyed by the rule's content (a repeat changes nothing),
// bumps the rules' version (every replica reloads within its poll interval), reloads this
// replica at once (the next search here already uses it) and tells the audit log what changed.

/** Audit entry, reload, answer: the same ending for every write. */
async function settled<Rule extends { id: string }>(
  ctx: StaffArgs['ctx'],
  type: string,
  id: string,
  change: RuleChange<Rule>,
): Promise<RuleChange<Rule>> {
  ctx.audit.record({ object: { type, id }, before: change.before, after: change.after });
  await searchRules.reloadNow();
  return change;
}

/** Every rule, for the admin's lists and previews. */
export async function merchandising(
  _args: HandlerArgs<undefined, SignedInContext>,
): Promise<MerchandisingView> {
  return storedRules();
}

export async function saveSynonym({
  input,
  ctx,
}: StaffArgs<SaveSynonymInput>): Promise<RuleChange<SynonymRule>> {
  const change = await writeSynonym(
    { direction: input.direction, terms: input.terms },
    input.replaces,
  );
  return settled(ctx, 'search-synonym', change.after!.id, change);
}

export async function deleteSynonym({
  input,
  ctx,
}: StaffArgs<DeleteSynonymInput>): Promise<RuleChange<SynonymRule>> {
  return settled(ctx, 'search-synonym', input.id, await deleteSynonymRule(input.id));
}

export async function saveRedirect({
  input,
  ctx,
}: StaffArgs<SaveRedirectInput>): Promise<RuleChange<RedirectRule>> {
  const change = await writeRedirect({ query: input.query, url: input.url }, input.replaces);
  return settled(ctx, 'search-redirect', change.after!.id, change);
}

export async function deleteRedirect({
  input,
  ctx,
}: StaffArgs<DeleteRedirectInput>): Promise<RuleChange<RedirectRule>> {
  return settled(ctx, 'search-redirect', input.id, await deleteRedirectRule(input.id));
}

/** The query's pins and hides, whole; both empty removes them (`after: null`). */
export async function saveQueryPins({
  input,
  ctx,
}: StaffArgs<SaveQueryPinsInput>): Promise<RuleChange<QueryPinsRule>> {
  const change = await writeQueryPins(input);
  const id = change.after?.id ?? change.before?.id ?? input.query;
  return settled(ctx, 'search-query-pins', id, change);
}

export async function saveBoostRule({
  input,
  ctx,
}: StaffArgs<SaveBoostRuleInput>): Promise<RuleChange<BoostRule>> {
  const change = await writeBoostRule(input);
  return settled(ctx, 'search-boost-rule', change.after!.id, change);
}

export async function deleteBoostRule({
  input,
  ctx,
}: StaffArgs<DeleteBoostRuleInput>): Promise<RuleChange<BoostRule>> {
  return settled(ctx, 'search-boost-rule', input.id, await deleteBoostRuleById(input.id));
}
