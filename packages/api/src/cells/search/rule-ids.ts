import { ruleQueryKey } from './rule-query-key';
import type { BoostRule, SynonymDirection } from './rule-set';

// Rule ids are derived from what the rule says, so a repeated save (a double click, a retried
// request) writes the same document instead of a second rule.

export function synonymId(direction: SynonymDirection, terms: readonly string[]): string {
  const keys = terms.map(ruleQueryKey);
  // Two-way rules are the same rule in any order; a one-way rule's source stays first.
  const ordered = direction === 'two-way' ? [...keys].sort() : [keys[0]!, ...keys.slice(1).sort()];
  return `${direction}:${ordered.join('|')}`;
}

export function queryRuleId(query: string): string {
  return ruleQueryKey(query);
}

export function boostRuleId(rule: Omit<BoostRule, 'id'>): string {
  const value = rule.field === 'inStock' ? '' : rule.value.trim().toLocaleLowerCase('en');
  return `${rule.effect}:${rule.field}:${value}:${ruleQueryKey(rule.query)}`;
}
