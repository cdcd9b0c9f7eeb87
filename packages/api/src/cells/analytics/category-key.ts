/** A product's primary category as the catalogue named it (`slug` `_none`: it had none). */
export interface CategoryStamp {
  slug: string;
  name: string;
}

/**
 * What a fact is stamped with when its product has no category or is not in the catalogue. No
 * category slug can start with `_`, so it never meets a real one.
 */
export const uncategorised: CategoryStamp = { slug: '_none', name: 'Uncategorised' };

/** A fact's category key in the rollups: its stamp, or `_none` when it has none (yet). */
export const categoryKeyOf = (slug: string | null | undefined) => slug || uncategorised.slug;
