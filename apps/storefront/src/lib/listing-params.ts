import type { Facet, SearchSort } from '@shop/api/client';

/**
 * A listing's state as URL search parameters, so every filtered, sorted page is a shareable link
 * that the back button restores and that works without JavaScript (facets are a GET form):
 *   q=lamp  category=lighting  brand=Acme&brand=Bolt  price=2500-5000  rating=4  inStock=true
 *   attr.Colour=Navy  sort=price_asc  page=2
 * The names are the search cell's facet keys, so a facet's values submit under its own key.
 */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export const sortOptions: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Top rated' },
];

export interface ListingState {
  q: string;
  category?: string;
  brands: string[];
  price: string[];
  ratingAtLeast?: number;
  inStock: boolean;
  attributes: Record<string, string[]>;
  sort?: SearchSort;
  page: number;
  /** `exact=1` (search pages): every word as typed; kept by facet, sort and page links. */
  exact?: boolean;
}

const maxValues = 20;
const maxValueLength = 100;

function all(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  // Bounded and de-duplicated: a crafted URL cannot make a huge filter or cache key.
  return [...new Set(values.map((v) => v.trim()).filter((v) => v && v.length <= maxValueLength))]
    .slice(0, maxValues)
    .sort();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function pageFromParam(value: string | string[] | undefined): number {
  const page = Number(first(value));
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
}

export function parseListingState(params: SearchParamsRecord): ListingState {
  const attributes: Record<string, string[]> = {};
  for (const key of Object.keys(params).sort()) {
    if (!key.startsWith('attr.')) continue;
    const name = key.slice('attr.'.length);
    const values = all(params[key]);
    if (name && name.length <= 60 && values.length > 0) attributes[name] = values;
    if (Object.keys(attributes).length >= 10) break;
  }
  const rating = Number(first(params.rating));
  const sort = first(params.sort);
  const category = first(params.category);
  const q = (first(params.q) ?? '').trim().slice(0, 200);
  return {
    q,
    category: category && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(category) ? category : undefined,
    brands: all(params.brand),
    price: all(params.price),
    ratingAtLeast: Number.isFinite(rating) && rating >= 1 && rating <= 4 ? rating : undefined,
    inStock: ['true', '1', 'on'].includes(first(params.inStock) ?? ''),
    attributes,
    sort: sortOptions.some((option) => option.value === sort) ? (sort as SearchSort) : undefined,
    page: pageFromParam(params.page),
    ...(q && first(params.exact) === '1' ? { exact: true } : {}),
  };
}

/** The search cell's filters for a state (only what is set, so cache keys stay canonical). */
export function filtersOf(state: ListingState, category = state.category) {
  return {
    ...(category ? { category } : {}),
    ...(state.brands.length ? { brands: state.brands } : {}),
    ...(state.price.length ? { price: state.price } : {}),
    ...(state.ratingAtLeast ? { ratingAtLeast: state.ratingAtLeast } : {}),
    ...(state.inStock ? { inStock: true } : {}),
    ...(Object.keys(state.attributes).length ? { attributes: state.attributes } : {}),
  };
}

export function hasFilters(state: ListingState): boolean {
  return (
    state.brands.length > 0 ||
    state.price.length > 0 ||
    state.ratingAtLeast !== undefined ||
    state.inStock ||
    Object.keys(state.attributes).length > 0
  );
}

/** The same listing (search words, category, sort) with every filter removed, from page 1. */
export function withoutFilters(state: ListingState): ListingState {
  return {
    ...state,
    brands: [],
    price: [],
    ratingAtLeast: undefined,
    inStock: false,
    attributes: {},
    page: 1,
  };
}

/** The URL parameter a facet's values are submitted under. */
export function facetParamName(facet: Pick<Facet, 'key'>): string {
  return facet.key === 'brand' ? 'brand' : facet.key;
}

/** A facet's choices; "In stock" is one checkbox (only the `true` value), not a yes/no pair. */
export function facetChoices(facet: Facet): Facet['values'] {
  if (facet.key !== 'inStock') return facet.values;
  const yes = facet.values.filter((value) => value.value === 'true');
  return (yes.length ? yes : facet.values).map((value) => ({ ...value, label: 'In stock only' }));
}

/** The query string of a state; `page` only past 1, defaults left out. */
export function queryStringOf(state: ListingState, { withCategory = true } = {}): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.q && state.exact) params.set('exact', '1');
  if (withCategory && state.category) params.set('category', state.category);
  for (const brand of state.brands) params.append('brand', brand);
  for (const price of state.price) params.append('price', price);
  if (state.ratingAtLeast) params.set('rating', String(state.ratingAtLeast));
  if (state.inStock) params.set('inStock', 'true');
  for (const [name, values] of Object.entries(state.attributes)) {
    for (const value of values) params.append(`attr.${name}`, value);
  }
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}
