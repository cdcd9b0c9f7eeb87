import { connectDomainDatabase } from '@shop/db';
import { productModels, type ProductModels } from '@shop/db/product';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { bearer, request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let models: ProductModels;
let catalogToken: string;
let shopperToken: string;
let adminToken: string;
let staff: ReturnType<typeof createCellClient>;
let shop: ReturnType<typeof createCellClient>;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  [catalogToken, shopperToken, adminToken] = await Promise.all([
    loginAs(host.url, 'catalog@example.com'),
    loginAs(host.url, 'shopper@example.com'),
    loginAs(host.url, 'admin@example.com'),
  ]);
  staff = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => bearer(catalogToken),
  });
  shop = createCellClient({ urlFor: () => `${host.url}/trpc` });
  models = productModels(await connectDomainDatabase('product'));
});
afterAll(() => stopTestHosts(host));

const lamp = {
  slug: 'test-arc-lamp',
  name: 'Test Arc Lamp',
  brand: 'Northlight',
  // Publishing needs a description (publish-rules.ts).
  description: 'An arc lamp for reading corners.',
  status: 'active' as const,
  categorySlugs: ['lighting'],
  options: [{ name: 'Colour', values: ['Black', 'White'] }],
  images: [
    { url: '/images/products/test-arc-lamp/black.svg', alt: 'Test Arc Lamp in Black' },
    { url: '/images/products/test-arc-lamp/white.svg', alt: 'Test Arc Lamp in White' },
  ],
  variants: [
    { sku: 'TST-ARC-BLACK', optionValues: ['Black'], priceMinor: 8900, onHand: 10 },
    { sku: 'TST-ARC-WHITE', optionValues: ['White'], priceMinor: 9900, imageIndex: 1, onHand: 0 },
  ],
};

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`${host.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('staff product procedures', () => {
  it('refuse no token (401) and a shopper (403)', async () => {
    for (const path of ['product.create', 'product.adjustStock', 'product.createCategory']) {
      expect((await post(path, lamp)).status).toBe(401);
      expect((await post(path, lamp, bearer(shopperToken))).status).toBe(403);
    }
    const list = await request(`${host.url}/trpc/product.adminList`, {
      headers: bearer(shopperToken),
    });
    expect(list.status).toBe(403);
  });

  it('create a product shoppers can then open, with stock per variant', async () => {
    const created = await staff.product.create.mutate(lamp);
    expect(created).toMatchObject({ slug: 'test-arc-lamp', priceMinMinor: 8900, inStock: true });
    expect(created.variants.map((v) => [v.sku, v.onHand, v.available])).toEqual([
      ['TST-ARC-BLACK', 10, 10],
      ['TST-ARC-WHITE', 0, 0],
    ]);
    const page = await shop.product.bySlug.query({ slug: 'test-arc-lamp' });
    expect(page.variants.map((v) => v.stock)).toEqual(['in_stock', 'out_of_stock']);
    expect(page.breadcrumbs.map((crumb) => crumb.slug)).toEqual(['home', 'lighting']);
  });

  it('refuse a taken slug or SKU with 409', async () => {
    await expect(staff.product.create.mutate(lamp)).rejects.toThrow('slug taken: test-arc-lamp');
    await expect(staff.product.create.mutate({ ...lamp, slug: 'test-arc-lamp-2' })).rejects.toThrow(
      /SKU taken: TST-ARC-BLACK/,
    );
  });

  it('answer 400 to negative prices, unknown categories, bad slugs and operators', async () => {
    const staffHeaders = bearer(catalogToken);
    const variant = { sku: 'TST-BAD-1', priceMinor: 100 };
    for (const body of [
      { ...lamp, slug: 'x-1', options: [], images: [], variants: [{ ...variant, priceMinor: -1 }] },
      {
        ...lamp,
        slug: 'x-2',
        options: [],
        images: [],
        variants: [{ ...variant, priceMinor: 9.5 }],
      },
      { ...lamp, slug: 'Bad Slug', options: [], images: [], variants: [variant] },
      { ...lamp, slug: { $gt: '' }, options: [], images: [], variants: [variant] },
      {
        ...lamp,
        slug: 'x-3',
        categorySlugs: ['no-such-category'],
        options: [],
        images: [],
        variants: [variant],
      },
      { ...lamp, slug: 'x-4', variants: [{ ...variant, optionValues: ['Purple'] }] },
      { ...lamp, slug: 'x-5', images: [{ url: 'javascript:alert(1)', alt: 'x' }] },
    ]) {
      const response = await post('product.create', body, staffHeaders);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await post(
      'product.create',
      {
        ...lamp,
        slug: 'x-3',
        categorySlugs: ['nope'],
        options: [],
        images: [],
        variants: [variant],
      },
      staffHeaders,
    );
    expect(unknown.text).toContain('Unknown category: nope');
  });

  it('update variants keeping inventory in step, and recompute the price range', async () => {
    const { id } = await staff.product.adminList
      .query({ q: 'test-arc-lamp', page: 1, pageSize: 10 })
      .then((list) => list.items[0] ?? { id: '' });
    const updated = await staff.product.update.mutate({
      id,
      changes: {
        options: [{ name: 'Colour', values: ['Black', 'Brass'] }],
        variants: [
          { sku: 'TST-ARC-BLACK', optionValues: ['Black'], priceMinor: 7900 },
          { sku: 'TST-ARC-BRASS', optionValues: ['Brass'], priceMinor: 12900, onHand: 4 },
        ],
      },
    });
    expect(updated).toMatchObject({ priceMinMinor: 7900, priceMaxMinor: 12900 });
    // Kept SKUs keep their stock, new ones get theirs, removed ones are gone.
    expect(updated.variants.map((v) => [v.sku, v.onHand])).toEqual([
      ['TST-ARC-BLACK', 10],
      ['TST-ARC-BRASS', 4],
    ]);
    expect(await models.InventoryItem.exists({ sku: 'TST-ARC-WHITE' })).toBeNull();
  });

  it('adjust stock, never below what is reserved', async () => {
    const admin = createCellClient({
      urlFor: () => `${host.url}/trpc`,
      headers: () => bearer(adminToken),
    });
    await admin.product.reserveStock.mutate({
      reservationId: 'staff-test-1',
      lines: [{ sku: 'TST-ARC-BLACK', quantity: 3 }],
    });
    await expect(
      staff.product.adjustStock.mutate({ sku: 'TST-ARC-BLACK', onHand: 2, reason: 'count' }),
    ).rejects.toThrow(/3 units reserved/);
    await expect(
      staff.product.adjustStock.mutate({ sku: 'TST-ARC-BLACK', delta: -8, reason: 'damaged' }),
    ).rejects.toThrow(/reserved/);
    expect(
      await staff.product.adjustStock.mutate({
        sku: 'tst-arc-black',
        delta: -7,
        reason: 'damaged',
      }),
    ).toEqual({ sku: 'TST-ARC-BLACK', onHand: 3, reserved: 3, available: 0 });
    expect(
      await staff.product.adjustStock.mutate({
        sku: 'TST-ARC-BLACK',
        onHand: 20,
        reason: 'delivery',
      }),
    ).toEqual({ sku: 'TST-ARC-BLACK', onHand: 20, reserved: 3, available: 17 });
  });

  it('list only products with a SKU at or below its low-stock threshold', async () => {
    const low = await staff.product.adminList.query({ lowStock: true, page: 1, pageSize: 48 });
    expect(low.totalCount).toBeGreaterThan(0);
    for (const item of low.items) {
      expect(item.variants.some((variant) => variant.lowStock)).toBe(true);
    }
    const all = await staff.product.adminList.query({ page: 1, pageSize: 1 });
    expect(low.totalCount).toBeLessThan(all.totalCount);
  });

  it('archive hides the product from shoppers', async () => {
    const { items } = await staff.product.adminList.query({ q: 'Test Arc', page: 1, pageSize: 10 });
    await staff.product.archive.mutate({ id: items[0]?.id ?? '' });
    await expect(shop.product.bySlug.query({ slug: 'test-arc-lamp' })).rejects.toThrow(
      /No product/,
    );
    const archived = await staff.product.adminList.query({
      status: 'archived',
      q: 'test-arc',
      page: 1,
      pageSize: 10,
    });
    expect(archived.items.map((item) => item.slug)).toEqual(['test-arc-lamp']);
  });

  it('write the rating summary for the review cell only, never by a moderator', async () => {
    const { items } = await staff.product.adminList.query({
      status: 'active',
      page: 1,
      pageSize: 1,
    });
    const productId = items[0]?.id ?? '';
    // The review cell calls with a service token; an admin holds every permission too.
    const written = await post(
      'product.setRatingSummary',
      { productId, average: 4.26, count: 12 },
      bearer(adminToken),
    );
    expect(written.status).toBe(200);
    expect((written.json as { result: { data: unknown } }).result.data).toEqual({
      productId,
      rating: { average: 4.3, count: 12 },
    });
    const refused = await post(
      'product.setRatingSummary',
      { productId, average: 5, count: 1 },
      bearer(shopperToken),
    );
    expect(refused.status).toBe(403);
    // A catalog manager moderates reviews but must not set an average by hand.
    const moderator = await post(
      'product.setRatingSummary',
      { productId, average: 5, count: 1 },
      bearer(catalogToken),
    );
    expect(moderator.status).toBe(403);
    const bad = await post(
      'product.setRatingSummary',
      { productId, average: 6, count: 1 },
      bearer(adminToken),
    );
    expect(bad.status).toBe(400);
  });
});

describe('staff category procedures', () => {
  it('moving a category rewrites the ancestors of everything below it', async () => {
    await staff.product.createCategory.mutate({ slug: 'test-root', name: 'Test root' });
    await staff.product.createCategory.mutate({
      slug: 'test-child',
      name: 'Child',
      parentSlug: 'test-root',
    });
    const grand = await staff.product.createCategory.mutate({
      slug: 'test-grand',
      name: 'Grandchild',
      parentSlug: 'test-child',
    });
    expect(grand.ancestorSlugs).toEqual(['test-root', 'test-child']);
    await staff.product.create.mutate({
      slug: 'test-deep-item',
      name: 'Deep item',
      brand: 'Test',
      description: 'A product deep in the category tree.',
      status: 'active',
      categorySlugs: ['test-grand'],
      variants: [{ sku: 'TST-DEEP-1', priceMinor: 500, onHand: 1 }],
    });

    await staff.product.updateCategory.mutate({ slug: 'test-child', parentSlug: 'home' });
    const moved = await shop.product.categoryBySlug.query({ slug: 'test-grand' });
    expect(moved.category.ancestorSlugs).toEqual(['home', 'test-child']);
    expect(moved.breadcrumbs.map((crumb) => crumb.slug)).toEqual([
      'home',
      'test-child',
      'test-grand',
    ]);
    // Listings follow: "Home" now includes the grandchild's product, the old root does not.
    const home = await shop.product.list.query({
      categorySlug: 'home',
      sort: 'name',
      pageSize: 48,
      page: 1,
    });
    const all = await Promise.all(
      Array.from({ length: Math.ceil(home.totalCount / 48) }, (_, index) =>
        shop.product.list.query({
          categorySlug: 'home',
          sort: 'name',
          pageSize: 48,
          page: index + 1,
        }),
      ),
    );
    expect(all.flatMap((page) => page.items).map((item) => item.slug)).toContain('test-deep-item');
    expect((await shop.product.list.query({ categorySlug: 'test-root' })).totalCount).toBe(0);

    await expect(
      staff.product.updateCategory.mutate({ slug: 'test-child', parentSlug: 'test-grand' }),
    ).rejects.toThrow(/under itself/);
  });

  it('refuse to delete a category that is not empty', async () => {
    await expect(staff.product.deleteCategory.mutate({ slug: 'test-child' })).rejects.toThrow(
      /has subcategories/,
    );
    await expect(staff.product.deleteCategory.mutate({ slug: 'test-grand' })).rejects.toThrow(
      /still has 1 product$/,
    );
    expect(await staff.product.deleteCategory.mutate({ slug: 'test-root' })).toEqual({
      slug: 'test-root',
      deleted: true,
    });
    await expect(
      staff.product.createCategory.mutate({ slug: 'lighting', name: 'Again' }),
    ).rejects.toThrow('slug taken: lighting');
    await expect(
      staff.product.createCategory.mutate({
        slug: 'test-orphan',
        name: 'Orphan',
        parentSlug: 'nope',
      }),
    ).rejects.toThrow('Unknown parent category: nope');
  });
});
