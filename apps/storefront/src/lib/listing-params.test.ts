import { describe, expect, it } from 'vitest';
import {
  facetChoices,
  facetParamName,
  filtersOf,
  hasFilters,
  pageFromParam,
  parseListingState,
  queryStringOf,
  withoutFilters,
} from './listing-params';

describe('listing parameters', () => {
  it('reads a filtered, sorted page from the URL', () => {
    const state = parseListingState({
      q: '  lamp ',
      category: 'lighting',
      brand: ['Bolt', 'Acme', 'Bolt'],
      price: '2500-5000',
      rating: '4',
      inStock: 'true',
      'attr.Colour': ['Navy', 'Black'],
      sort: 'price_asc',
      page: '2',
    });
    expect(state).toEqual({
      q: 'lamp',
      category: 'lighting',
      brands: ['Acme', 'Bolt'],
      price: ['2500-5000'],
      ratingAtLeast: 4,
      inStock: true,
      attributes: { Colour: ['Black', 'Navy'] },
      sort: 'price_asc',
      page: 2,
    });
    expect(hasFilters(state)).toBe(true);
  });

  it('keeps "exact=1" in the links it makes (facets, sort, pages), only with words', () => {
    const state = parseListingState({ q: 'coffee mug', exact: '1', page: '2' });
    expect(state.exact).toBe(true);
    expect(queryStringOf({ ...state, page: 3 })).toBe('?q=coffee+mug&exact=1&page=3');
    expect(queryStringOf(withoutFilters(state))).toBe('?q=coffee+mug&exact=1');
    expect(parseListingState({ exact: '1', category: 'home' }).exact).toBeUndefined();
    expect(parseListingState({ q: 'mug', exact: 'yes' }).exact).toBeUndefined();
  });

  it('ignores what it does not understand instead of failing the page', () => {
    const state = parseListingState({
      category: '../etc',
      rating: '9',
      sort: 'cheapest',
      page: '0',
      inStock: 'yes',
      brand: ['', '   ', 'x'.repeat(101)],
      'attr.': 'Navy',
    });
    expect(state).toEqual({
      q: '',
      category: undefined,
      brands: [],
      price: [],
      ratingAtLeast: undefined,
      inStock: false,
      attributes: {},
      sort: undefined,
      page: 1,
    });
    expect(hasFilters(state)).toBe(false);
  });

  it('bounds what a crafted URL can ask for', () => {
    const brands = Array.from({ length: 50 }, (_, i) => `Brand ${String(i).padStart(2, '0')}`);
    const attributes = Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [`attr.A${String(i).padStart(2, '0')}`, 'x']),
    );
    const state = parseListingState({ brand: brands, ...attributes, q: 'q'.repeat(500) });
    expect(state.brands).toHaveLength(20);
    expect(Object.keys(state.attributes)).toHaveLength(10);
    expect(state.q).toHaveLength(200);
    expect(pageFromParam(['3', '4'])).toBe(3);
    expect(pageFromParam('1001')).toBe(1);
    expect(pageFromParam('2.5')).toBe(1);
  });

  it('writes a state back as the same canonical URL it was read from', () => {
    const query =
      '?q=lamp&category=lighting&brand=Acme&brand=Bolt&price=2500-5000&rating=4&inStock=true&attr.Colour=Black&attr.Colour=Navy&sort=price_asc&page=2';
    const state = parseListingState(Object.fromEntries(groupParams(query)));
    expect(queryStringOf(state)).toBe(query);
    expect(queryStringOf({ ...state, page: 1 })).not.toContain('page=');
    expect(queryStringOf(state, { withCategory: false })).not.toContain('category=');
    expect(queryStringOf(parseListingState({}))).toBe('');
  });

  it('asks the search cell only for the filters that are set', () => {
    expect(filtersOf(parseListingState({}))).toEqual({});
    expect(filtersOf(parseListingState({ brand: 'Acme', inStock: '1' }), 'lighting')).toEqual({
      category: 'lighting',
      brands: ['Acme'],
      inStock: true,
    });
  });

  it('clears the filters but keeps the search words and the sort', () => {
    const state = parseListingState({ q: 'lamp', brand: 'Acme', sort: 'newest', page: '3' });
    expect(queryStringOf(withoutFilters(state))).toBe('?q=lamp&sort=newest');
  });

  it('submits each facet under its own key, with "In stock" as one box', () => {
    expect(facetParamName({ key: 'brand' })).toBe('brand');
    expect(facetParamName({ key: 'attr.Colour' })).toBe('attr.Colour');
    const inStock = {
      key: 'inStock',
      label: 'Availability',
      values: [
        { value: 'true', label: 'true', count: 4, selected: false },
        { value: 'false', label: 'false', count: 2, selected: false },
      ],
    };
    expect(facetChoices(inStock)).toEqual([
      { value: 'true', label: 'In stock only', count: 4, selected: false },
    ]);
  });
});

/** A query string as Next hands it to a page: repeated names become arrays. */
function groupParams(query: string): Map<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = grouped.get(key);
    grouped.set(key, existing === undefined ? value : [existing, value].flat());
  }
  return grouped;
}
