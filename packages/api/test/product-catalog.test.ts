import { generateCatalog } from '@shop/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { queryUrl, request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let client: ReturnType<typeof createCellClient>;
const catalog = generateCatalog();
const active = catalog.products.filter((product) => product.status === 'active');

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['product']);
  client = createCellClient({ urlFor: () => `${host.url}/trpc` });
});
afterAll(() => stopTestHosts(host));

describe('product.list', () => {
  it('lists a top-level category with the products of its subcategories', async () => {
    const home = catalog.categories
      .filter((c) => c.ancestorSlugs.includes('home'))
      .map((c) => c.slug);
    const expected = active.filter((p) => p.categorySlugs.some((slug) => home.includes(slug)));
    const page = await client.product.list.query({ categorySlug: 'home', pageSize: 24 });
    expect(page.totalCount).toBe(expected.length);
    expect(page.items).toHaveLength(24);
    expect(page.hasMore).toBe(true);
    const lighting = await client.product.list.query({ categorySlug: 'lighting' });
    expect(lighting.totalCount).toBeLessThan(page.totalCount);
    expect(lighting.items.every((item) => item.categorySlugs.includes('lighting'))).toBe(true);
  });

  it('sorts by price both ways and pages past the end are empty', async () => {
    const cheap = await client.product.list.query({ categorySlug: 'shirts', sort: 'price_asc' });
    const prices = cheap.items.map((item) => item.priceMinor);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const dear = await client.product.list.query({ categorySlug: 'shirts', sort: 'price_desc' });
    expect(dear.items[0]?.priceMinor).toBeGreaterThanOrEqual(dear.items.at(-1)?.priceMinor ?? 0);
    const past = await client.product.list.query({ categorySlug: 'shirts', page: 900 });
    expect(past).toMatchObject({ items: [], hasMore: false, page: 900 });
  });

  it('answers 404 for an unknown category and 400 for a malformed one', async () => {
    await expect(client.product.list.query({ categorySlug: 'no-such-thing' })).rejects.toThrow(
      'No category "no-such-thing"',
    );
    for (const categorySlug of ['Lighting!', { $gt: '' }]) {
      const response = await request(queryUrl(host.url, 'product.list', { categorySlug }));
      expect(response.status).toBe(400);
    }
  });
});

describe('product.bySlug', () => {
  it('shows variants with a stock state, never the counts, and breadcrumbs', async () => {
    const shirt = active.find((p) => p.categorySlugs.includes('shirts'));
    const detail = await client.product.bySlug.query({ slug: shirt?.slug ?? '' });
    expect(detail.breadcrumbs).toEqual([
      { slug: 'clothing', name: 'Clothing' },
      { slug: 'shirts', name: 'Shirts' },
    ]);
    expect(detail.variants).toHaveLength(shirt?.variants.length ?? 0);
    const stock = new Map(catalog.inventory.map((item) => [item.sku, item.available]));
    for (const variant of detail.variants) {
      const available = stock.get(variant.sku) ?? 0;
      const expected = available === 0 ? 'out_of_stock' : available <= 5 ? 'low_stock' : 'in_stock';
      expect(variant.stock).toBe(expected);
    }
    expect(JSON.stringify(detail)).not.toMatch(/onHand|reserved|"available"/);
    expect(detail.images[0]?.alt).toContain(shirt?.name);
  });

  it('does not show drafts or archived products', async () => {
    const hidden = catalog.products.find((p) => p.status !== 'active');
    await expect(client.product.bySlug.query({ slug: hidden?.slug ?? '' })).rejects.toThrow(
      /No product/,
    );
  });
});

describe('categories', () => {
  it('lists every category flat in tree order, and as a tree', async () => {
    const { items } = await client.product.categories.query();
    expect(items).toHaveLength(catalog.categories.length);
    expect(items.slice(0, 3).map((c) => c.slug)).toEqual(['home', 'lighting', 'furniture']);
    const tree = await client.product.categoryTree.query();
    expect(tree.items.map((node) => node.slug)).toContain('electronics');
    expect(tree.items.find((n) => n.slug === 'electronics')?.children.map((c) => c.slug)).toEqual([
      'laptops',
      'headphones',
      'speakers',
    ]);
  });

  it('gives one category with its breadcrumbs and children', async () => {
    const answer = await client.product.categoryBySlug.query({ slug: 'kitchen' });
    expect(answer.category.name).toBe('Kitchen & Dining');
    expect(answer.breadcrumbs).toEqual([{ slug: 'kitchen', name: 'Kitchen & Dining' }]);
    expect(answer.children.map((child) => child.slug)).toEqual([
      'cookware',
      'tableware',
      'kitchen-tools',
    ]);
  });
});

describe('collections and sitemap', () => {
  it('fills the home page collections with active products', async () => {
    const featured = await client.product.collection.query({ slug: 'featured', limit: 8 });
    expect(featured.items).toHaveLength(8);
    const response = await request(queryUrl(host.url, 'product.collection', { slug: 'secret' }));
    expect(response.status).toBe(400);
  });

  it('pages every active product into the sitemap', async () => {
    const first = await client.product.sitemapEntries.query({ page: 1 });
    const second = await client.product.sitemapEntries.query({ page: 2 });
    expect(first.items).toHaveLength(1000);
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect(first.items.length + second.items.length).toBe(active.length);
  });
});
