import { isolateTestDatabases } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../src/cells/search/views';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { queryUrl, request } from './support/http';
import { insertFixtureCatalog } from './support/search-fixtures';
import { startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let client: ReturnType<typeof createCellClient>;

beforeAll(async () => {
  isolateTestDatabases();
  await insertFixtureCatalog();
  host = await startTestHost(['search']);
  client = createCellClient({ urlFor: () => `${host.url}/trpc` });
});
afterAll(async () => {
  await stopTestHosts(host);
});

const slugs = (answer: SearchResults) => answer.results.map((result) => result.slug);
const facet = (answer: SearchResults, key: string) =>
  Object.fromEntries(
    (answer.facets.find((candidate) => candidate.key === key)?.values ?? []).map((value) => [
      value.value,
      value.count,
    ]),
  );

describe('finding products', () => {
  it('tolerates typos: "lapotp" finds the laptops and nothing else', async () => {
    const answer = await client.search.query.query({ q: 'lapotp' });
    expect(slugs(answer).sort()).toEqual(['aurora-14-laptop', 'zephyr-16-laptop-pro']);
    expect(answer.didYouMean).toBeNull();
  });

  it('matches plurals, accents and case the same way', async () => {
    const plural = await client.search.query.query({ q: 'LAMPS' });
    expect(slugs(plural)).toEqual(expect.arrayContaining(['oak-desk-lamp', 'brass-floor-lamp']));
    const accented = await client.search.query.query({ q: 'Lâmp' });
    expect(accented.totalCount).toBe(plural.totalCount);
  });

  it('never returns drafts or archived products', async () => {
    const chair = await client.search.query.query({ q: 'reading chair' });
    expect(chair.totalCount).toBe(0);
    const lamps = await client.search.query.query({ q: 'lamp' });
    expect(slugs(lamps)).not.toContain('archived-pendant-lamp');
  });

  it('answers product cards with prices in minor units', async () => {
    const answer = await client.search.query.query({ q: 'walnut' });
    expect(answer.results[0]).toMatchObject({
      slug: 'walnut-side-table',
      name: 'Walnut Side Table',
      brand: 'Hearth',
      priceMinor: 19_900,
      priceMaxMinor: 19_900,
      currency: 'EUR',
      inStock: true,
      categorySlugs: ['furniture'],
      image: { url: '/images/walnut-side-table.svg', alt: 'Walnut Side Table' },
    });
  });
});

describe('facets', () => {
  it('counts brands, categories (with ancestors), price buckets, rating and stock', async () => {
    // "lamp" also finds "Lampshade" by prefix.
    const answer = await client.search.query.query({ q: 'lamp' });
    expect(answer.totalCount).toBe(3);
    expect(facet(answer, 'brand')).toEqual({ Lumen: 2, Hearth: 1 });
    expect(facet(answer, 'category')).toEqual({ lighting: 3, home: 3 });
    expect(facet(answer, 'price')).toEqual({ '0-2500': 1, '2500-5000': 1, '10000-25000': 1 });
    expect(facet(answer, 'rating')).toEqual({ '4': 1, '3': 2, '2': 3, '1': 3 });
    expect(facet(answer, 'inStock')).toEqual({ true: 3 });
    expect(facet(answer, 'attr.Material')).toEqual({ Oak: 1, Brass: 1, Linen: 1 });
    const category = answer.facets.find((candidate) => candidate.key === 'category');
    expect(category?.values.find((value) => value.value === 'home')?.label).toBe('Home');
    const price = answer.facets.find((candidate) => candidate.key === 'price');
    expect(price?.values.map((value) => value.label)).toEqual([
      'Under €25',
      '€25 – €50',
      '€100 – €250',
    ]);
  });

  it('browses a category with an empty query: everything under it, subcategories counted', async () => {
    const answer = await client.search.query.query({ filters: { category: 'home' } });
    expect(answer.totalCount).toBe(4);
    expect(facet(answer, 'category')).toEqual({ home: 4, lighting: 3, furniture: 1 });
    const home = answer.facets
      .find((candidate) => candidate.key === 'category')
      ?.values.find((value) => value.value === 'home');
    expect(home?.selected).toBe(true);

    const electronics = await client.search.query.query({ filters: { category: 'electronics' } });
    expect(slugs(electronics).sort()).toEqual(['aurora-14-laptop', 'zephyr-16-laptop-pro']);
  });

  it('offers variant options as attribute facets', async () => {
    const answer = await client.search.query.query({ filters: { category: 'clothing' } });
    expect(facet(answer, 'attr.Size')).toEqual({ S: 1, M: 1, L: 1 });
    expect(facet(answer, 'attr.Colour')).toEqual({ Red: 1, Blue: 1 });
  });

  it('filters combine; a facet keeps counting its other values while one is selected', async () => {
    const answer = await client.search.query.query({
      filters: { category: 'home', brands: ['Lumen'], inStock: true, price: ['10000-25000'] },
    });
    expect(slugs(answer)).toEqual(['brass-floor-lamp']);
    // Brand counts ignore the brand filter but respect the others: Hearth's table also fits.
    expect(facet(answer, 'brand')).toEqual({ Lumen: 1, Hearth: 1 });
    const lumen = answer.facets
      .find((candidate) => candidate.key === 'brand')
      ?.values.find((value) => value.value === 'Lumen');
    expect(lumen?.selected).toBe(true);
    // Price counts ignore the price filter: the Lumen lamps in stock in every bucket.
    expect(facet(answer, 'price')).toEqual({ '2500-5000': 1, '10000-25000': 1 });
  });

  it('filters on rating, attributes and several values of one facet', async () => {
    const rated = await client.search.query.query({
      filters: { category: 'home', ratingAtLeast: 4 },
    });
    expect(slugs(rated).sort()).toEqual(['brass-floor-lamp', 'walnut-side-table']);
    const materials = await client.search.query.query({
      filters: { attributes: { Material: ['Oak', 'Brass'] } },
    });
    expect(slugs(materials).sort()).toEqual(['brass-floor-lamp', 'oak-desk-lamp']);
    const unknownCategory = await client.search.query.query({
      filters: { category: 'no-such-category' },
    });
    expect(unknownCategory).toMatchObject({ results: [], totalCount: 0, hasMore: false });
  });
});

describe('sorting and pages', () => {
  it('sorts by price both ways, newest and rating', async () => {
    const home = { filters: { category: 'home' } };
    const asc = await client.search.query.query({ ...home, sort: 'price_asc' });
    expect(slugs(asc)).toEqual([
      'linen-lampshade',
      'oak-desk-lamp',
      'brass-floor-lamp',
      'walnut-side-table',
    ]);
    const desc = await client.search.query.query({ ...home, sort: 'price_desc' });
    expect(slugs(desc)).toEqual([...slugs(asc)].reverse());
    const newest = await client.search.query.query({ ...home, sort: 'newest' });
    expect(slugs(newest)).toEqual([
      'walnut-side-table',
      'brass-floor-lamp',
      'oak-desk-lamp',
      'linen-lampshade',
    ]);
    const rating = await client.search.query.query({ ...home, sort: 'rating' });
    expect(slugs(rating)).toEqual([
      'brass-floor-lamp',
      'walnut-side-table',
      'oak-desk-lamp',
      'linen-lampshade',
    ]);
  });

  it('ranks a name match above a weaker one for relevance', async () => {
    const answer = await client.search.query.query({ q: 'desk lamp' });
    expect(slugs(answer)[0]).toBe('oak-desk-lamp');
  });

  it('pages through results; past the end is an empty page with the right total', async () => {
    const all = await client.search.query.query({ sort: 'price_asc', pageSize: 48 });
    expect(all.totalCount).toBe(7);
    const second = await client.search.query.query({ sort: 'price_asc', page: 2, pageSize: 3 });
    expect(second).toMatchObject({ page: 2, totalCount: 7, hasMore: true });
    expect(slugs(second)).toEqual(slugs(all).slice(3, 6));
    const last = await client.search.query.query({ sort: 'price_asc', page: 3, pageSize: 3 });
    expect(last).toMatchObject({ page: 3, hasMore: false });
    expect(slugs(last)).toEqual(slugs(all).slice(6));
    const beyond = await client.search.query.query({ sort: 'price_asc', page: 50, pageSize: 3 });
    expect(beyond).toMatchObject({ results: [], totalCount: 7, page: 50, hasMore: false });
  });
});

describe('did you mean', () => {
  it('offers the closest indexed words when nothing matches', async () => {
    // Two typos in a six-letter word is more than a search allows, not more than a suggestion.
    const answer = await client.search.query.query({ q: 'tabbel' });
    expect(answer).toMatchObject({ totalCount: 0, didYouMean: 'table' });
    const corrected = await client.search.query.query({ q: answer.didYouMean! });
    expect(slugs(corrected)).toEqual(['walnut-side-table']);
  });

  it('offers nothing when no close word would find anything', async () => {
    const answer = await client.search.query.query({ q: 'xylophone' });
    expect(answer).toMatchObject({ totalCount: 0, didYouMean: null });
  });
});

describe('suggestions as the shopper types', () => {
  it('completes the words, names products and a category', async () => {
    const { suggestions } = await client.search.suggest.query({ q: 'lam' });
    const queries = suggestions.filter((suggestion) => suggestion.kind === 'query');
    expect(queries.map((suggestion) => suggestion.text)).toEqual(
      expect.arrayContaining(['lamp', 'lampshade']),
    );
    const products = suggestions.filter((suggestion) => suggestion.kind === 'product');
    expect(products.map((suggestion) => suggestion.slug)).toEqual(
      expect.arrayContaining(['oak-desk-lamp', 'brass-floor-lamp', 'linen-lampshade']),
    );

    const categories = (await client.search.suggest.query({ q: 'ligh' })).suggestions.filter(
      (suggestion) => suggestion.kind === 'category',
    );
    expect(categories).toEqual([{ text: 'Lighting', kind: 'category', slug: 'lighting' }]);
  });

  it('completes the last word so that it still matches the words before it', async () => {
    const { suggestions } = await client.search.suggest.query({ q: 'Walnut si' });
    expect(suggestions).toContainEqual({ text: 'walnut side', kind: 'query' });
    expect(suggestions).toContainEqual({
      text: 'Walnut Side Table',
      kind: 'product',
      slug: 'walnut-side-table',
    });
    // "oak" and "si..." never meet in one product: no such completion is offered.
    const none = await client.search.suggest.query({ q: 'oak si' });
    expect(none.suggestions.filter((suggestion) => suggestion.kind === 'query')).toEqual([]);
  });

  it('answers an empty or wordless prefix with no suggestions', async () => {
    expect(await client.search.suggest.query({ q: '   ' })).toEqual({ suggestions: [] });
    expect(await client.search.suggest.query({ q: '$*(' })).toEqual({ suggestions: [] });
  });
});

describe('bad input: a clear 4xx or an empty answer, never a 500', () => {
  const get = (input: unknown, path = 'search.query') => request(queryUrl(host.url, path, input));
  const issuesOf = (json: unknown) =>
    JSON.stringify((json as { error: { data: { issues: unknown } } }).error.data.issues);

  it('treats regex characters, $ operators, unicode and emoji as plain text', async () => {
    for (const q of ['.*', '$where', '{"$gt":""}', '(((', '日本語', '🙂🙂', '\u0000', 'lamp\\']) {
      const response = await get({ q });
      expect(response.status, q).toBe(200);
    }
    const dotStar = await client.search.query.query({ q: '.*' });
    expect(dotStar).toMatchObject({ results: [], totalCount: 0 });
    const suggest = await get({ q: '.*[' }, 'search.suggest');
    expect(suggest.status).toBe(200);
  });

  it('refuses an overlong query', async () => {
    const response = await get({ q: 'a'.repeat(201) });
    expect(response.status).toBe(400);
    expect(issuesOf(response.json)).toContain('"path":"q"');
    expect((await get({ q: 'a'.repeat(201) }, 'search.suggest')).status).toBe(400);
  });

  it('refuses unknown facets and attributes, naming them', async () => {
    const facetResponse = await get({ q: 'lamp', filters: { weight: ['2kg'] } });
    expect(facetResponse.status).toBe(400);
    expect(issuesOf(facetResponse.json)).toContain('weight');
    const attribute = await get({ filters: { attributes: { Weight: ['2kg'] } } });
    expect(attribute.status).toBe(400);
    expect(issuesOf(attribute.json)).toContain('Weight');
    const topLevel = await get({ q: 'lamp', colour: 'red' });
    expect(topLevel.status).toBe(400);
    expect(issuesOf(topLevel.json)).toContain('colour');
  });

  it('refuses negative or malformed price ranges and impossible ratings, sorts and pages', async () => {
    const negative = await get({ filters: { price: ['-100-500'] } });
    expect(negative.status).toBe(400);
    expect(issuesOf(negative.json)).toContain('cannot be negative');
    for (const input of [
      { filters: { price: ['cheap'] } },
      { filters: { price: ['500-100'] } },
      { filters: { ratingAtLeast: 5 } },
      { filters: { ratingAtLeast: 0 } },
      { sort: 'cheapest' },
      { page: 0 },
      { page: 1.5 },
      { pageSize: 1_000 },
      { filters: { brands: 'Lumen' } },
      { filters: { $where: 'sleep(1000)' } },
    ]) {
      const response = await get(input);
      expect(response.status, JSON.stringify(input)).toBe(400);
    }
  });
});

it('reports ready once the index is built', async () => {
  const response = await request(`${host.url}/readyz`);
  expect(response.status).toBe(200);
});
