import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { bearer, queryUrl, request } from './support/http';
import { clientOf, signInDemoAccounts, type CellClient, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// The back office's catalogue over HTTP: the editor's reads and saves, the version check,
// publish rules, rich text, bulk actions, the product table's filters, category order, and who
// may do each (catalog manager edits, analyst reads, order manager neither).

let host: CellHost;
let accounts: Record<'catalog' | 'analyst' | 'orders' | 'shopper', SignedIn>;
type Client = CellClient;
let staff: Client;
let analyst: Client;
let shop: Client;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  accounts = await signInDemoAccounts(host.url, ['catalog', 'analyst', 'orders', 'shopper']);
  staff = accounts.catalog.client;
  analyst = accounts.analyst.client;
  shop = clientOf(host.url);
});
afterAll(() => stopTestHosts(host));

const post = (path: string, body: unknown, token: string) =>
  request(`${host.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  });
const get = (path: string, input: unknown, token: string) =>
  request(queryUrl(host.url, path, input), { headers: bearer(token) });

/** A two-option product (colour × size), draft unless said otherwise. */
function jacket(slug: string, extra: Record<string, unknown> = {}) {
  const prefix = slug.toUpperCase();
  return {
    slug,
    name: `Catalogue ${slug}`,
    brand: 'Fjellrev',
    categorySlugs: ['lighting'],
    descriptionHtml: '<p>A light jacket for <strong>windy</strong> walks along the coast.</p>',
    options: [
      { name: 'Colour', values: ['Red', 'Blue'] },
      { name: 'Size', values: ['S', 'M'] },
    ],
    variants: [
      { sku: `${prefix}-RS`, optionValues: ['Red', 'S'], priceMinor: 10000, onHand: 4 },
      { sku: `${prefix}-RM`, optionValues: ['Red', 'M'], priceMinor: 10000, onHand: 0 },
      {
        sku: `${prefix}-BS`,
        optionValues: ['Blue', 'S'],
        priceMinor: 12000,
        compareAtPriceMinor: 15000,
        barcode: '4006381333931',
        weightGrams: 850,
        onHand: 2,
      },
      { sku: `${prefix}-BM`, optionValues: ['Blue', 'M'], priceMinor: 12000, onHand: 9 },
    ],
    ...extra,
  };
}

function issuesOf(text: string): { path: string; message: string }[] {
  const body = JSON.parse(text) as {
    error: { data: { issues?: { path: string; message: string }[] } };
  };
  return body.error.data.issues ?? [];
}

describe('who may use the catalogue procedures', () => {
  it('an order manager can neither read nor edit the catalogue; a shopper neither', async () => {
    for (const token of [accounts.orders.token, accounts.shopper.token]) {
      expect((await get('product.adminList', {}, token)).status).toBe(403);
      expect((await get('product.byId', { id: '0'.repeat(24) }, token)).status).toBe(403);
      expect((await post('product.create', jacket('who-1'), token)).status).toBe(403);
      expect(
        (await post('product.update', { id: '0'.repeat(24), changes: { name: 'x' } }, token))
          .status,
      ).toBe(403);
      expect(
        (
          await post(
            'product.bulk',
            { key: 'who-key-1', ids: ['0'.repeat(24)], action: { type: 'publish' } },
            token,
          )
        ).status,
      ).toBe(403);
      expect(
        (await post('product.reorderCategories', { parentSlug: null, slugs: ['home'] }, token))
          .status,
      ).toBe(403);
    }
  });

  it('an analyst reads the table and a product but cannot change either', async () => {
    const created = await staff.product.create.mutate(jacket('analyst-read'));
    const list = await analyst.product.adminList.query({ q: 'analyst-read' });
    expect(list.items.map((item) => item.id)).toEqual([created.id]);
    expect((await analyst.product.byId.query({ id: created.id })).name).toBe(
      'Catalogue analyst-read',
    );
    expect(
      (
        await post(
          'product.update',
          { id: created.id, changes: { name: 'x' } },
          accounts.analyst.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          'product.bulk',
          { key: 'analyst-key-1', ids: [created.id], action: { type: 'archive' } },
          accounts.analyst.token,
        )
      ).status,
    ).toBe(403);
    expect((await post('product.create', jacket('analyst-2'), accounts.analyst.token)).status).toBe(
      403,
    );
    expect(
      (
        await post(
          'product.updateCategory',
          { slug: 'lighting', name: 'Lights' },
          accounts.analyst.token,
        )
      ).status,
    ).toBe(403);
  });
});

describe('the product editor', () => {
  it('opens a product with options, variants (barcode, weight, stock) and its version', async () => {
    const created = await staff.product.create.mutate(jacket('editor-open'));
    const opened = await staff.product.byId.query({ id: created.id });
    expect(opened.status).toBe('draft');
    expect(opened.version).toBe(0);
    expect(opened.options.map((option) => option.name)).toEqual(['Colour', 'Size']);
    expect(opened.variants.find((variant) => variant.sku === 'EDITOR-OPEN-BS')).toMatchObject({
      barcode: '4006381333931',
      weightGrams: 850,
      onHand: 2,
      compareAtPriceMinor: 15000,
    });
    expect((await get('product.byId', { id: 'f'.repeat(24) }, accounts.catalog.token)).status).toBe(
      404,
    );
    expect((await get('product.byId', { id: 'not-an-id' }, accounts.catalog.token)).status).toBe(
      400,
    );
  });

  it('sanitises rich text on the server; shoppers get its plain text', async () => {
    const created = await staff.product.create.mutate(
      jacket('editor-html', {
        status: 'active',
        descriptionHtml:
          '<h2>Made for wind</h2><p onclick="steal()">Seams <b>taped</b> &amp; sealed.<script>alert(1)</script></p>' +
          '<p><a href="javascript:alert(1)">bad link</a> <a href="https://example.com/care" target="_blank">care guide</a></p>' +
          '<img src="x" onerror="alert(1)"><ul><li>Packs small</li></ul>',
      }),
    );
    const opened = await staff.product.byId.query({ id: created.id });
    expect(opened.descriptionHtml).toBe(
      '<h3>Made for wind</h3><p>Seams <b>taped</b> &amp; sealed.</p>' +
        '<p> <a href="https://example.com/care" rel="noopener noreferrer nofollow">care guide</a></p>' +
        '<ul><li>Packs small</li></ul>',
    );
    const page = await shop.product.bySlug.query({ slug: 'editor-html' });
    expect(page.description).toBe(
      'Made for wind\n\nSeams taped & sealed.\n\ncare guide\n\nPacks small',
    );
    expect(page.description).not.toMatch(/[<>]/);
  });

  it('refuses to publish without what the storefront needs, naming each field', async () => {
    const bare = {
      ...jacket('editor-bare'),
      descriptionHtml: '<p>Short.</p>',
      status: 'active',
    };
    const refused = await post('product.create', bare, accounts.catalog.token);
    expect(refused.status).toBe(400);
    expect(issuesOf(refused.text)).toEqual([
      {
        path: 'descriptionHtml',
        message: 'a description of at least 20 characters is needed to publish',
      },
    ]);
    // As a draft it saves; publishing it later is refused the same way, then allowed.
    const draft = await staff.product.create.mutate({ ...bare, status: 'draft' });
    const publish = await post(
      'product.update',
      { id: draft.id, expectedVersion: 0, changes: { status: 'active' } },
      accounts.catalog.token,
    );
    expect(publish.status).toBe(400);
    expect(issuesOf(publish.text).map((issue) => issue.path)).toEqual(['descriptionHtml']);
    const published = await staff.product.update.mutate({
      id: draft.id,
      expectedVersion: 0,
      changes: {
        status: 'active',
        descriptionHtml: '<p>Now with a description long enough for shoppers.</p>',
      },
    });
    expect(published.status).toBe('active');
    expect(published.publishedAt).not.toBeNull();
    expect((await shop.product.bySlug.query({ slug: 'editor-bare' })).name).toBe(
      'Catalogue editor-bare',
    );
  });

  it('refuses bad variant fields and future publish dates at the field', async () => {
    const badBarcode = await post(
      'product.create',
      jacket('editor-bad', {
        variants: [{ sku: 'EDB-1', optionValues: ['Red', 'S'], priceMinor: 100, barcode: '12AB' }],
      }),
      accounts.catalog.token,
    );
    expect(badBarcode.status).toBe(400);
    expect(issuesOf(badBarcode.text)[0]?.path).toBe('variants.0.barcode');
    const future = await post(
      'product.create',
      jacket('editor-bad', { publishedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      accounts.catalog.token,
    );
    expect(future.status).toBe(400);
    expect(issuesOf(future.text)[0]).toEqual({
      path: 'publishedAt',
      message: 'cannot be in the future',
    });
  });

  it('of two saves from the same version, the second is told the product changed', async () => {
    const created = await staff.product.create.mutate(jacket('editor-race'));
    const first = await staff.product.update.mutate({
      id: created.id,
      expectedVersion: 0,
      changes: { name: 'Saved by Ada' },
    });
    expect(first.version).toBe(1);
    const second = await post(
      'product.update',
      { id: created.id, expectedVersion: 0, changes: { name: 'Saved by Bob' } },
      accounts.catalog.token,
    );
    expect(second.status).toBe(409);
    expect(second.text).toContain('changed by someone else after you opened it');
    expect((await staff.product.byId.query({ id: created.id })).name).toBe('Saved by Ada');

    // Truly concurrent saves: exactly one wins, the other gets the same 409.
    const results = await Promise.all(
      ['Carla', 'Dan'].map((name) =>
        post(
          'product.update',
          { id: created.id, expectedVersion: 1, changes: { name: `Saved by ${name}` } },
          accounts.catalog.token,
        ),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect((await staff.product.byId.query({ id: created.id })).version).toBe(2);
  });

  it('edits variants: new SKUs get stock, a typed count is recorded, kept fields stay', async () => {
    const created = await staff.product.create.mutate(jacket('editor-variants'));
    const opened = await staff.product.byId.query({ id: created.id });
    const variants = opened.variants.map((variant) => ({
      sku: variant.sku,
      optionValues: variant.optionValues,
      priceMinor: variant.priceMinor,
      compareAtPriceMinor: variant.compareAtPriceMinor,
      barcode: variant.barcode,
      weightGrams: variant.weightGrams,
      onHand: variant.sku === 'EDITOR-VARIANTS-RM' ? 7 : variant.onHand,
    }));
    const saved = await staff.product.update.mutate({
      id: created.id,
      expectedVersion: opened.version,
      changes: {
        options: [
          { name: 'Colour', values: ['Red', 'Blue'] },
          { name: 'Size', values: ['S', 'M', 'L'] },
        ],
        variants: [
          ...variants,
          { sku: 'EDITOR-VARIANTS-RL', optionValues: ['Red', 'L'], priceMinor: 11000, onHand: 3 },
        ],
      },
    });
    const bySku = new Map(saved.variants.map((variant) => [variant.sku, variant]));
    expect(bySku.get('EDITOR-VARIANTS-RM')?.onHand).toBe(7);
    expect(bySku.get('EDITOR-VARIANTS-RL')).toMatchObject({ onHand: 3, priceMinor: 11000 });
    expect(bySku.get('EDITOR-VARIANTS-BS')).toMatchObject({
      barcode: '4006381333931',
      weightGrams: 850,
    });
    expect(saved.priceMaxMinor).toBe(12000);
  });
});

describe('the product table', () => {
  it('filters by status, category (with subcategories), brand and stock, sorts and pages', async () => {
    await staff.product.createCategory.mutate({
      slug: 'table-lamps-sub',
      name: 'Table lamps (test)',
      parentSlug: 'lighting',
    });
    const brand = 'Tablebrand';
    const a = await staff.product.create.mutate(
      jacket('table-a', { brand, categorySlugs: ['table-lamps-sub'], status: 'active' }),
    );
    const b = await staff.product.create.mutate(
      jacket('table-b', {
        brand,
        variants: [{ sku: 'TABLE-B-1', optionValues: ['Red', 'S'], priceMinor: 500, onHand: 0 }],
      }),
    );
    const c = await staff.product.create.mutate(
      jacket('table-c', {
        brand,
        variants: [{ sku: 'TABLE-C-1', optionValues: ['Red', 'S'], priceMinor: 90000, onHand: 50 }],
      }),
    );
    const ids = (list: { items: { id: string }[] }) => list.items.map((item) => item.id);

    const byBrand = await staff.product.adminList.query({ brand, sort: 'price_asc' });
    expect(ids(byBrand)).toEqual([b.id, a.id, c.id]);
    expect(byBrand.brands).toContain(brand);
    expect(ids(await staff.product.adminList.query({ brand, sort: 'price_desc' }))).toEqual([
      c.id,
      a.id,
      b.id,
    ]);
    expect(ids(await staff.product.adminList.query({ brand, status: 'active' }))).toEqual([a.id]);
    expect(ids(await staff.product.adminList.query({ brand, categorySlug: 'lighting' }))).toContain(
      a.id,
    );
    expect(
      ids(await staff.product.adminList.query({ brand, categorySlug: 'table-lamps-sub' })),
    ).toEqual([a.id]);
    expect(ids(await staff.product.adminList.query({ brand, stock: 'out_of_stock' }))).toEqual([
      b.id,
    ]);
    // a has a SKU with 0 units (at or below its threshold), b has only that; c has 50.
    expect(
      ids(await staff.product.adminList.query({ brand, stock: 'low_stock', sort: 'name_asc' })),
    ).toEqual([a.id, b.id]);
    // A threshold far above the others' makes c low too (50 available, threshold 60).
    await staff.product.setLowStockThreshold.mutate({ sku: 'TABLE-C-1', lowStockThreshold: 60 });
    expect(
      ids(await staff.product.adminList.query({ brand, stock: 'low_stock', sort: 'name_asc' })),
    ).toEqual([a.id, b.id, c.id]);
    await staff.product.setLowStockThreshold.mutate({ sku: 'TABLE-C-1', lowStockThreshold: 5 });
    expect(ids(await staff.product.adminList.query({ q: '4006381333931', brand }))).toEqual([a.id]);

    const first = await staff.product.adminList.query({ brand, sort: 'name_asc', pageSize: 2 });
    const second = await staff.product.adminList.query({
      brand,
      sort: 'name_asc',
      pageSize: 2,
      page: 2,
    });
    expect(first).toMatchObject({ totalCount: 3, hasMore: true });
    expect(ids(first)).toEqual([a.id, b.id]);
    expect(second).toMatchObject({ hasMore: false });
    expect(ids(second)).toEqual([c.id]);

    const badSort = await get('product.adminList', { sort: 'evil' }, accounts.catalog.token);
    expect(badSort.status).toBe(400);
    const operator = await get('product.adminList', { brand: { $ne: '' } }, accounts.catalog.token);
    expect(operator.status).toBe(400);
  });
});

describe('bulk actions', () => {
  it('a price change applies once per product, even when the request is repeated', async () => {
    const one = await staff.product.create.mutate(
      jacket('bulk-one', {
        variants: [{ sku: 'BULK-ONE-1', optionValues: ['Red', 'S'], priceMinor: 1999 }],
      }),
    );
    const two = await staff.product.create.mutate(
      jacket('bulk-two', {
        variants: [
          {
            sku: 'BULK-TWO-1',
            optionValues: ['Red', 'S'],
            priceMinor: 1000,
            compareAtPriceMinor: 1050,
          },
        ],
      }),
    );
    const request = {
      key: 'bulk-price-key-1',
      ids: [one.id, two.id],
      action: { type: 'changePercent' as const, percent: 10 },
    };
    const result = await staff.product.bulk.mutate(request);
    // 19.99 + 10 % = 21.989 → 21.99; the other would reach its "was" price and is left alone.
    expect(result.updated).toEqual([one.id]);
    expect(result.skipped).toEqual([
      {
        id: two.id,
        name: 'Catalogue bulk-two',
        reason: 'BULK-TWO-1 would reach its compare-at ("was") price',
      },
    ]);
    const again = await staff.product.bulk.mutate(request);
    expect(again).toEqual({ updated: [], alreadyApplied: [one.id], skipped: result.skipped });
    const after = await staff.product.byId.query({ id: one.id });
    expect(after.variants[0]?.priceMinor).toBe(2199);
    expect(after.priceMinMinor).toBe(2199);

    // A new key is a new change: by an amount this time.
    await staff.product.bulk.mutate({
      key: 'bulk-price-key-2',
      ids: [one.id],
      action: { type: 'changePrice', amountMinor: -200 },
    });
    expect((await staff.product.byId.query({ id: one.id })).priceMinMinor).toBe(1999);
    const tooLow = await staff.product.bulk.mutate({
      key: 'bulk-price-key-3',
      ids: [one.id],
      action: { type: 'changePrice', amountMinor: -5000 },
    });
    expect(tooLow.skipped[0]?.reason).toBe('BULK-ONE-1 would cost less than one cent');
  });

  it('publishes what is ready, explains what is not, archives and moves', async () => {
    const ready = await staff.product.create.mutate(jacket('bulk-ready'));
    const unready = await staff.product.create.mutate(
      jacket('bulk-unready', { descriptionHtml: '' }),
    );
    const published = await staff.product.bulk.mutate({
      key: 'bulk-publish-1',
      ids: [ready.id, unready.id],
      action: { type: 'publish' },
    });
    expect(published.updated).toEqual([ready.id]);
    expect(published.skipped[0]?.reason).toMatch(/^cannot be published: a description/);
    expect((await shop.product.bySlug.query({ slug: 'bulk-ready' })).name).toBe(
      'Catalogue bulk-ready',
    );

    // A bulk change bumps the version: an editor opened before it must reload.
    const stale = (await staff.product.byId.query({ id: ready.id })).version;
    await staff.product.bulk.mutate({
      key: 'bulk-move-1',
      ids: [ready.id],
      action: { type: 'moveToCategory', categorySlug: 'decor' },
    });
    expect((await staff.product.byId.query({ id: ready.id })).categorySlugs).toEqual(['decor']);
    const staleSave = await post(
      'product.update',
      { id: ready.id, expectedVersion: stale, changes: { name: 'Stale' } },
      accounts.catalog.token,
    );
    expect(staleSave.status).toBe(409);

    await staff.product.bulk.mutate({
      key: 'bulk-archive-1',
      ids: [ready.id],
      action: { type: 'archive' },
    });
    expect(
      (await get('product.bySlug', { slug: 'bulk-ready' }, accounts.shopper.token)).status,
    ).toBe(404);

    const unknownCategory = await post(
      'product.bulk',
      {
        key: 'bulk-move-2',
        ids: [ready.id],
        action: { type: 'moveToCategory', categorySlug: 'nope' },
      },
      accounts.catalog.token,
    );
    expect(unknownCategory.status).toBe(400);
    const tooMany = await post(
      'product.bulk',
      {
        key: 'bulk-many-1',
        ids: Array.from({ length: 101 }, () => ready.id),
        action: { type: 'publish' },
      },
      accounts.catalog.token,
    );
    expect(tooMany.status).toBe(400);
  });
});

describe('categories', () => {
  it('creates, renames, moves and reorders; the tree follows', async () => {
    await staff.product.createCategory.mutate({ slug: 'cat-a', name: 'Cat A' });
    await staff.product.createCategory.mutate({
      slug: 'cat-b',
      name: 'Cat B',
      parentSlug: 'cat-a',
    });
    await staff.product.createCategory.mutate({
      slug: 'cat-c',
      name: 'Cat C',
      parentSlug: 'cat-a',
    });
    await staff.product.updateCategory.mutate({ slug: 'cat-b', name: 'Cat Bee' });
    await staff.product.reorderCategories.mutate({
      parentSlug: 'cat-a',
      slugs: ['cat-c', 'cat-b'],
    });
    const tree = (await shop.product.categoryTree.query()).items;
    const a = tree.find((node) => node.slug === 'cat-a');
    expect(a?.children.map((child) => [child.slug, child.name])).toEqual([
      ['cat-c', 'Cat C'],
      ['cat-b', 'Cat Bee'],
    ]);
    // A reorder must list every sibling once.
    const partial = await post(
      'product.reorderCategories',
      { parentSlug: 'cat-a', slugs: ['cat-c'] },
      accounts.catalog.token,
    );
    expect(partial.status).toBe(400);
    expect(partial.text).toContain('exactly once');
    await staff.product.updateCategory.mutate({ slug: 'cat-c', parentSlug: null });
    const moved = (await shop.product.categoryTree.query()).items;
    expect(moved.some((node) => node.slug === 'cat-c')).toBe(true);
  });
});
