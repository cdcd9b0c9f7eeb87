/**
 * The merchandising rules as plain data: what `search.merchandising` answers, what the admin
 * edits and previews, and what `MerchandisingRules` compiles. Ids are derived from the content
 * (`rule-ids.ts`), so saving the same rule twice leaves one rule.
 */
export type SynonymDirection = 'two-way' | 'one-way';

export interface SynonymRule {
  id: string;
  direction: SynonymDirection;
  /** `one-way`: the first term also finds the others, not the reverse. */
  terms: string[];
}

export interface RedirectRule {
  id: string;
  /** As staff typed it; matched by `ruleQueryKey`. */
  query: string;
  /** A same-site path or an http(s) URL (`redirect-target.ts`). */
  url: string;
}

export interface QueryPinsRule {
  id: string;
  query: string;
  /** Product ids shown first, in this order. */
  pinned: string[];
  /** Product ids never shown for this query. */
  hidden: string[];
}

export type BoostEffect = 'boost' | 'bury';
export type BoostField = 'inStock' | 'brand' | 'category';

export interface BoostRule {
  id: string;
  effect: BoostEffect;
  field: BoostField;
  /** Brand name or category slug; '' for `inStock`. */
  value: string;
  /** '' for every search, else the query it applies to. */
  query: string;
}

export interface RuleSet {
  synonyms: SynonymRule[];
  redirects: RedirectRule[];
  pins: QueryPinsRule[];
  boosts: BoostRule[];
}

export const emptyRuleSet: RuleSet = { synonyms: [], redirects: [], pins: [], boosts: [] };
