import { rulesVersionId, type SearchModels } from '@shop/db/search';
import mongoose from 'mongoose';
import { searchDatabase } from './database';
import { boostRuleId, queryRuleId, synonymId } from './rule-ids';
import type { BoostRule, QueryPinsRule, RedirectRule, RuleSet, SynonymRule } from './rule-set';

/** The stored rules and their version, as a replica reads them (rules-sync.ts). */
export interface RulesSource {
  isOpen(): boolean;
  /** The counter every write increments; 0 before the first write. */
  version(): Promise<number>;
  load(): Promise<RuleSet>;
}

async function readVersion(models: SearchModels): Promise<number> {
  const row = await models.SearchRulesVersion.findOne({ key: rulesVersionId }).lean();
  return row?.version ?? 0;
}

async function readRules(models: SearchModels): Promise<RuleSet> {
  const [synonyms, redirects, pins, boosts] = await Promise.all([
    models.SearchSynonym.find().sort({ key: 1 }).lean(),
    models.SearchRedirect.find().sort({ key: 1 }).lean(),
    models.SearchQueryPins.find().sort({ key: 1 }).lean(),
    models.SearchBoostRule.find().sort({ key: 1 }).lean(),
  ]);
  return {
    synonyms: synonyms.map((row) => ({ id: row.key, direction: row.direction, terms: row.terms })),
    redirects: redirects.map((row) => ({ id: row.key, query: row.query, url: row.url })),
    pins: pins.map((row) => ({
      id: row.key,
      query: row.query,
      pinned: row.pinned,
      hidden: row.hidden,
    })),
    boosts: boosts.map((row) => ({
      id: row.key,
      effect: row.effect,
      field: row.field,
      value: row.value,
      query: row.query,
    })),
  };
}

/** search_db as the replicas' rule sync reads it. */
export async function openRulesSource(): Promise<RulesSource> {
  const models = await searchDatabase.models();
  const connection = models.SearchRulesVersion.db;
  return {
    isOpen: () => connection.readyState === mongoose.ConnectionStates.connected,
    version: () => readVersion(models),
    load: () => readRules(models),
  };
}

/** The stored rules with their version (read first: a write between is seen by the next poll). */
export async function storedRules(): Promise<{ version: number; rules: RuleSet }> {
  const models = await searchDatabase.models();
  const version = await readVersion(models);
  return { version, rules: await readRules(models) };
}

/** Every write ends here: replicas reload when the counter moves. */
async function bumpVersion(models: SearchModels): Promise<void> {
  await models.SearchRulesVersion.updateOne(
    { key: rulesVersionId },
    { $inc: { version: 1 } },
    { upsert: true },
  );
}

/** A write's outcome for the caller and the audit log: the rule before (null: new) and after. */
export interface RuleChange<Rule> {
  before: Rule | null;
  after: Rule | null;
}

const synonymOf = (row: { key: string; direction: 'two-way' | 'one-way'; terms: string[] }) => ({
  id: row.key,
  direction: row.direction,
  terms: row.terms,
});
const redirectOf = (row: { key: string; query: string; url: string }) => ({
  id: row.key,
  query: row.query,
  url: row.url,
});
const pinsOf = (row: { key: string; query: string; pinned: string[]; hidden: string[] }) => ({
  id: row.key,
  query: row.query,
  pinned: row.pinned,
  hidden: row.hidden,
});
const boostOf = (row: Omit<BoostRule, 'id'> & { key: string }): BoostRule => ({
  id: row.key,
  effect: row.effect,
  field: row.field,
  value: row.value,
  query: row.query,
});

/**
 * Writes one rule under its derived id (a repeat writes the same document); an edit that changes
 * the rule's id names the old one in `replaces`, which is removed.
 */
export async function writeSynonym(
  rule: Omit<SynonymRule, 'id'>,
  replaces?: string,
): Promise<RuleChange<SynonymRule>> {
  const models = await searchDatabase.models();
  const id = synonymId(rule.direction, rule.terms);
  let previous = await models.SearchSynonym.findOneAndUpdate(
    { key: id },
    { $set: { direction: rule.direction, terms: rule.terms } },
    { upsert: true, returnDocument: 'before' },
  ).lean();
  if (replaces && replaces !== id) {
    const replaced = await models.SearchSynonym.findOneAndDelete({ key: replaces }).lean();
    previous ??= replaced;
  }
  await bumpVersion(models);
  return { before: previous ? synonymOf(previous) : null, after: { id, ...rule } };
}

export async function writeRedirect(
  rule: Omit<RedirectRule, 'id'>,
  replaces?: string,
): Promise<RuleChange<RedirectRule>> {
  const models = await searchDatabase.models();
  const id = queryRuleId(rule.query);
  let previous = await models.SearchRedirect.findOneAndUpdate(
    { key: id },
    { $set: { query: rule.query, url: rule.url } },
    { upsert: true, returnDocument: 'before' },
  ).lean();
  if (replaces && replaces !== id) {
    const replaced = await models.SearchRedirect.findOneAndDelete({ key: replaces }).lean();
    previous ??= replaced;
  }
  await bumpVersion(models);
  return { before: previous ? redirectOf(previous) : null, after: { id, ...rule } };
}

/** A query's pins and hides, whole; both lists empty removes the rule (`after: null`). */
export async function writeQueryPins(
  rule: Omit<QueryPinsRule, 'id'>,
): Promise<RuleChange<QueryPinsRule>> {
  const models = await searchDatabase.models();
  const id = queryRuleId(rule.query);
  if (rule.pinned.length === 0 && rule.hidden.length === 0) {
    const previous = await models.SearchQueryPins.findOneAndDelete({ key: id }).lean();
    await bumpVersion(models);
    return { before: previous ? pinsOf(previous) : null, after: null };
  }
  const lower = (ids: string[]) => ids.map((each) => each.toLowerCase());
  const saved = { query: rule.query, pinned: lower(rule.pinned), hidden: lower(rule.hidden) };
  const previous = await models.SearchQueryPins.findOneAndUpdate(
    { key: id },
    { $set: saved },
    { upsert: true, returnDocument: 'before' },
  ).lean();
  await bumpVersion(models);
  return { before: previous ? pinsOf(previous) : null, after: { id, ...saved } };
}

export async function writeBoostRule(rule: Omit<BoostRule, 'id'>): Promise<RuleChange<BoostRule>> {
  const models = await searchDatabase.models();
  const saved = { ...rule, value: rule.field === 'inStock' ? '' : rule.value };
  const id = boostRuleId(saved);
  const previous = await models.SearchBoostRule.findOneAndUpdate(
    { key: id },
    { $set: saved },
    { upsert: true, returnDocument: 'before' },
  ).lean();
  await bumpVersion(models);
  return { before: previous ? boostOf(previous) : null, after: { id, ...saved } };
}

/** Deleting a rule that is already gone succeeds (a repeated click, a retry): `before: null`. */
export async function deleteSynonymRule(id: string): Promise<RuleChange<SynonymRule>> {
  const models = await searchDatabase.models();
  const previous = await models.SearchSynonym.findOneAndDelete({ key: id }).lean();
  if (previous) await bumpVersion(models);
  return { before: previous ? synonymOf(previous) : null, after: null };
}

export async function deleteRedirectRule(id: string): Promise<RuleChange<RedirectRule>> {
  const models = await searchDatabase.models();
  const previous = await models.SearchRedirect.findOneAndDelete({ key: id }).lean();
  if (previous) await bumpVersion(models);
  return { before: previous ? redirectOf(previous) : null, after: null };
}

export async function deleteBoostRuleById(id: string): Promise<RuleChange<BoostRule>> {
  const models = await searchDatabase.models();
  const previous = await models.SearchBoostRule.findOneAndDelete({ key: id }).lean();
  if (previous) await bumpVersion(models);
  return { before: previous ? boostOf(previous) : null, after: null };
}
