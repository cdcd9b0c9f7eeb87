import { foldWord, tokenize } from './text-analysis';

/**
 * The key a query-bound rule (redirect, pins, boost for one query) is stored and looked up by:
 * the words folded (case, accents) and joined by single spaces, so `Returns`, ` returns ` and
 * `RETURNS!` meet one rule. Plurals are kept: `lamp` and `lamps` may be merchandised apart.
 */
export function ruleQueryKey(query: string): string {
  return tokenize(query).map(foldWord).join(' ');
}
