import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import type { CatalogProduct } from '../src/cells/product/public';
import { productDatabase } from '../src/cells/product/database';
import { CatalogIndex } from '../src/cells/search/catalog-index';
import { CategoryTree } from '../src/cells/search/category-tree';
import { queryInput } from '../src/cells/search/inputs';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// Issue 19's ranking order ends with the description: a word found only there still finds the
// product, below every product that has it in its name, brand, category or attributes.

function product(name: string, description: string): CatalogProduct {
  const id = new Types.ObjectId().toString();
  return {
    id,
    version: 1,
    listed: true,
    summary: {
      id,
      slug: name.toLowerCase().replaceAll(' ', '-'),
      name,
      brand: 'Northwood',
      priceMinor: 4_500,
      priceMaxMinor: 4_500,
      compareAtPriceMinor: null,
      currency: 'EUR',
      image: null,
      categorySlugs: ['home'],
      inStock: true,
      rating: { average: 4, count: 2 },
    },
    options: [],
    attributes: [],
    description,
    publishedAt: 0,
  };
}

function indexOf(...products: CatalogProduct[]): CatalogIndex {
  const tree = new CategoryTree([
    { slug: 'home', name: 'Home', parentSlug: null, ancestorSlugs: [], version: 0 },
  ]);
  const index = new CatalogIndex(tree);
  for (const each of products) index.upsert(each);
  return index;
}

const namesFound = (index: CatalogIndex, q: string) =>
  index.search(queryInput.parse({ q })).results.map((card) => card.name);

describe('product descriptions in search', () => {
  it('a word only in a description finds the product', () => {
    const index = indexOf(
      product('Arlo Desk Lamp', 'Backed by a two-year guarantee.'),
      product('Fern Vase', 'Hand thrown.'),
    );
    expect(namesFound(index, 'guarantee')).toEqual(['Arlo Desk Lamp']);
    expect(namesFound(index, 'guarantees')).toEqual(['Arlo Desk Lamp']); // plural stemmed too
  });

  it('ranks a name match above a description match', () => {
    // Indexed first and far better reviewed: only the field can put the oak desk first.
    const lamp = product('Brass Lamp', 'Looks good on an oak desk.');
    lamp.summary.rating = { average: 5, count: 900 };
    const index = indexOf(lamp, product('Oak Desk', 'Solid and sturdy.'));
    expect(namesFound(index, 'oak')).toEqual(['Oak Desk', 'Brass Lamp']);
  });

  it('ranks a name one typo away above a word only in a description ("sears")', () => {
    const skillet = product('Copper Skillet', 'Heats evenly and sears well.');
    skillet.summary.rating = { average: 5, count: 900 };
    const index = indexOf(skillet, product('Pruning Shears', 'Sharp and light.'));
    // Four letters allow no typo, but a word found only in prose still looks one typo away in
    // names; the prose match counts as one typo, so the name decides.
    expect(namesFound(index, 'sears')).toEqual(['Pruning Shears', 'Copper Skillet']);
  });

  it('does not match on function words of a description, but a name keeps every word', () => {
    const index = indexOf(
      product('Ceramic Mug', 'A mug with a wide handle, for the morning.'),
      product('With Love Card', 'Blank inside.'),
    );
    expect(namesFound(index, 'with')).toEqual(['With Love Card']);
    expect(namesFound(index, 'the')).toEqual([]);
    expect(namesFound(index, 'handle')).toEqual(['Ceramic Mug']);
  });

  it('suggests words of names while typing, not words of descriptions', () => {
    const index = indexOf(
      product('Guard Rail', 'Sturdy steel.'),
      product('Arlo Desk Lamp', 'Backed by a two-year guarantee.'),
    );
    const suggestions = index.suggest('guar');
    const texts = (kind: string) =>
      suggestions.filter((suggestion) => suggestion.kind === kind).map(({ text }) => text);
    expect(texts('query')).toContain('guard');
    expect(texts('query').some((text) => text.includes('guarantee'))).toBe(false);
    // Nor products found only by their prose; the search page still finds it.
    expect(texts('product')).toEqual(['Guard Rail']);
    expect(namesFound(index, 'guarantee')).toEqual(['Arlo Desk Lamp']);
  });
});

describe('descriptions of the seeded catalogue, over HTTP', () => {
  let host: CellHost;

  beforeAll(async () => {
    await seededTestDatabases();
    host = await startTestHost(['search']);
  });
  afterAll(async () => {
    await stopTestHosts(host);
  });

  it('finds exactly the listed products whose description says "guarantee"', async () => {
    const { Product } = await productDatabase.models();
    const expected = await Product.countDocuments({
      status: 'active',
      description: /\bguarantee\b/i,
    });
    expect(expected).toBeGreaterThan(0); // the demo catalogue has some (a closing sentence)
    const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
    const answer = await client.search.query.query({ q: 'guarantee' });
    expect(answer.totalCount).toBe(expected);
    expect(answer.queryUsed).toBeNull();
  });
});
