import type { RouterInputs, RouterOutputs } from '@shop/api/client';

/** Every stored rule, as `search.merchandising` answers it. */
export type StoredRules = RouterOutputs['search']['merchandising']['rules'];
/** Unsaved rules for a preview: each kind given replaces the stored ones of that kind. */
export type RuleDraft = NonNullable<RouterInputs['search']['preview']['rules']>;
/** A zero-result search, from the analytics cell. */
export type ZeroResultQuery = RouterOutputs['analytics']['zeroResultQueries']['items'][number];

export interface PreviewProduct {
  id: string;
  name: string;
  brand: string;
  inStock: boolean;
}

export type PreviewAnswer =
  | {
      ok: true;
      totalCount: number;
      redirect: string | null;
      queryUsed: string | null;
      results: PreviewProduct[];
    }
  | { ok: false; message: string };

/** The stored rules as a preview draft (ids dropped: the cell derives them). */
export function draftOf(rules: StoredRules): Required<RuleDraft> {
  return {
    synonyms: rules.synonyms.map(({ direction, terms }) => ({ direction, terms })),
    redirects: rules.redirects.map(({ query, url }) => ({ query, url })),
    pins: rules.pins.map(({ query, pinned, hidden }) => ({ query, pinned, hidden })),
    boosts: rules.boosts.map(({ effect, field, value, query }) => ({
      effect,
      field,
      value,
      query,
    })),
  };
}
