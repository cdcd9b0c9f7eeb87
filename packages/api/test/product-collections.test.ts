import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { bearer, queryUrl, request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// Collections over HTTP: manual and rule collections, rules followed as products change,
// what shoppers see (active products only), who may do what, and bad input as 4xx.

let host: CellHost;
const tokens = { catalog: '', analyst: '', orders: '' };
type Client = ReturnType<typeof createCellClient>;
let staff: Client;
let analyst: Client;
let shop: Client;

const clientWith = (token?: string) =>
  createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => (token ? bearer(token) : {}),
  });

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  const [catalog, analystToken, orders] = await Promise.all([
    loginAs(host.url, 'catalog@example.com'),
    loginAs(host.url, 'analyst@example.com'),
    loginAs(host.url, 'orders@example.com'),
  ]);
  Object.assign(tokens, { catalog, analyst: analystToken, orders });
  staff = clientWith(catalog);
  analyst = clientWith(analystToken);
  shop = clientWith();
});
afterAll(() => stopTestHosts(host));

const post = (path: string, body: unknown, token: string) =>
  request(`${host.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  });
const get = (path: string, input: unknown, token?: string) =>
  request(queryUrl(host.url, path, input), { headers: token ? bearer(token) : {} });

function issuesOf(text: string): { path: string; message: string }[] {
  const body = JSON.parse(text) as {
    error: { data: { issues?: { path: string; message: string }[] } };
  };
  return body.error.data.issues ?? [];
}

/** An active one-variant product. */
async function product(slug: string, extra: Record<string, unknown> = {}) {
  return staff.product.create.mutate({
    slug,
    name: `Collection test ${slug}`,
    brand: 'Larkspur',
    categorySlugs: ['lighting'],
    description: 'A plain product made for the collections tests, nothing more.',
    status: 'active',
    variants: [{ sku: `${slug.toUpperCase()}-1`, priceMinor: 3000, onHand: 5 }],
    ...extra,
  });
}

const handlesOf = (items: { handle: string }[]) => items.map((item) => item.handle);
const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug);

describe('manual collections', () => {
  it('lists products in staff order; shoppers see the active ones only, paged', async () => {
    const [a, b, c, draft] = await Promise.all([
      product('manual-a'),
      product('manual-b'),
      product('manual-c'),
      product('manual-draft', { status: 'draft' }),
    ]);
    const created = await staff.product.createCollection.mutate({
      handle: 'gift-picks',
      title: 'Gift picks',
      description: 'Chosen by the shop.',
      kind: 'manual',
      productIds: [c.id, draft.id, a.id, b.id],
    });
    expect(created).toMatchObject({ sort: 'manual', activeProductCount: 3, created: true });
    expect(created.products.map((row) => row.slug)).toEqual([
      'manual-c',
      'manual-draft',
      'manual-a',
      'manual-b',
    ]);

    const first = await shop.product.collectionPage.query({ handle: 'gift-picks', pageSize: 2 });
    expect(first.collection).toEqual({
      handle: 'gift-picks',
      title: 'Gift picks',
      description: 'Chosen by the shop.',
    });
    expect(slugsOf(first.items)).toEqual(['manual-c', 'manual-a']);
    expect(first).toMatchObject({ totalCount: 3, hasMore: true });
    const second = await shop.product.collectionPage.query({
      handle: 'gift-picks',
      pageSize: 2,
      page: 2,
    });
    expect(slugsOf(second.items)).toEqual(['manual-b']);
    expect(second.hasMore).toBe(false);

    // Archived: gone from the shopper's page at once, still listed for staff.
    await staff.product.archive.mutate({ id: a.id });
    const after = await shop.product.collectionPage.query({ handle: 'gift-picks' });
    expect(slugsOf(after.items)).toEqual(['manual-c', 'manual-b']);
    expect((await staff.product.collectionById.query({ id: created.id })).products).toHaveLength(4);
  });

  it('adds and removes a product from the editor; repeating either changes nothing', async () => {
    const item = await product('manual-add');
    const collection = await staff.product.createCollection.mutate({
      handle: 'manual-add-target',
      title: 'Add target',
      kind: 'manual',
    });
    const added = await staff.product.addToCollection.mutate({
      collectionId: collection.id,
      productId: item.id,
    });
    expect(added.added).toBe(true);
    const again = await staff.product.addToCollection.mutate({
      collectionId: collection.id,
      productId: item.id,
    });
    expect(again.added).toBe(false);
    expect((await staff.product.collectionById.query({ id: collection.id })).products).toEqual([
      expect.objectContaining({ id: item.id }),
    ]);
    const memberships = await staff.product.productCollections.query({ productId: item.id });
    expect(handlesOf(memberships.items)).toEqual(['manual-add-target']);

    expect(
      (
        await staff.product.removeFromCollection.mutate({
          collectionId: collection.id,
          productId: item.id,
        })
      ).removed,
    ).toBe(true);
    expect(
      (
        await staff.product.removeFromCollection.mutate({
          collectionId: collection.id,
          productId: item.id,
        })
      ).removed,
    ).toBe(false);
    expect((await staff.product.productCollections.query({ productId: item.id })).items).toEqual(
      [],
    );
  });
});

describe('rule collections', () => {
  it('"tag is summer": a product joins when the tag is added and leaves when it is removed', async () => {
    const hat = await product('rule-hat', { tags: ['  Summer ', 'straw'] });
    const scarf = await product('rule-scarf', { tags: ['winter'] });
    expect((await staff.product.byId.query({ id: hat.id })).tags).toEqual(['summer', 'straw']);
    const summer = await staff.product.createCollection.mutate({
      handle: 'summer',
      title: 'Summer',
      kind: 'rule',
      conditions: [{ field: 'tag', operator: 'is', value: 'SUMMER' }],
    });
    expect(summer).toMatchObject({ sort: 'newest', activeProductCount: 1 });
    expect(slugsOf((await shop.product.collectionPage.query({ handle: 'summer' })).items)).toEqual([
      'rule-hat',
    ]);

    // Staff tag the scarf: it is in the collection on the next read, no re-save of the rule.
    const tagged = await staff.product.update.mutate({
      id: scarf.id,
      changes: { tags: ['winter', 'summer'] },
    });
    expect(
      slugsOf((await shop.product.collectionPage.query({ handle: 'summer' })).items).sort(),
    ).toEqual(['rule-hat', 'rule-scarf']);
    expect(
      handlesOf((await staff.product.productCollections.query({ productId: scarf.id })).items),
    ).toContain('summer');

    await staff.product.update.mutate({
      id: scarf.id,
      expectedVersion: tagged.version,
      changes: { tags: ['winter'] },
    });
    expect(slugsOf((await shop.product.collectionPage.query({ handle: 'summer' })).items)).toEqual([
      'rule-hat',
    ]);

    // Archived: it still has the tag, but shoppers no longer see it in the collection.
    await staff.product.archive.mutate({ id: hat.id });
    const archived = await shop.product.collectionPage.query({ handle: 'summer' });
    expect(archived).toMatchObject({ items: [], totalCount: 0 });
  });

  it('all or any of brand, category and price conditions, with a live preview', async () => {
    await Promise.all([
      product('rule-cheap-lamp', {
        brand: 'Lumen Rule',
        variants: [{ sku: 'RULE-CHEAP-LAMP-1', priceMinor: 1500, onHand: 1 }],
      }),
      product('rule-dear-lamp', {
        brand: 'Lumen Rule',
        variants: [{ sku: 'RULE-DEAR-LAMP-1', priceMinor: 9000, onHand: 1 }],
      }),
      product('rule-cheap-other', {
        brand: 'Other Rule',
        variants: [{ sku: 'RULE-CHEAP-OTHER-1', priceMinor: 1500, onHand: 1 }],
      }),
      product('rule-draft-lamp', {
        brand: 'Lumen Rule',
        status: 'draft',
        variants: [{ sku: 'RULE-DRAFT-LAMP-1', priceMinor: 1000, onHand: 1 }],
      }),
    ]);
    const both = {
      match: 'all' as const,
      conditions: [
        { field: 'brand' as const, operator: 'is' as const, value: 'Lumen Rule' },
        { field: 'price' as const, operator: 'under' as const, amountMinor: 2000 },
      ],
    };
    const preview = await analyst.product.previewCollection.query(both);
    expect(preview.activeCount).toBe(1);
    expect(preview.draftCount).toBe(1);
    expect(slugsOf(preview.items).sort()).toEqual(['rule-cheap-lamp', 'rule-draft-lamp']);

    const either = await staff.product.previewCollection.query({
      match: 'any',
      conditions: [
        { field: 'brand', operator: 'is', value: 'Lumen Rule' },
        { field: 'brand', operator: 'is', value: 'Other Rule' },
      ],
    });
    expect(either.activeCount).toBe(3);

    const inCategory = await staff.product.createCollection.mutate({
      handle: 'cheap-home',
      title: 'Cheap in Home',
      kind: 'rule',
      sort: 'price_asc',
      conditions: [
        // "home" is the parent of "lighting": subcategories count.
        { field: 'category', operator: 'is', value: 'home' },
        { field: 'price', operator: 'under', amountMinor: 2000 },
        { field: 'brand', operator: 'is', value: 'Lumen Rule' },
      ],
    });
    expect(inCategory.activeProductCount).toBe(1);
  });
});

describe('staff writes', () => {
  const fields = {
    handle: 'retry-me',
    title: 'Retry me',
    kind: 'rule',
    conditions: [{ field: 'tag', operator: 'is', value: 'retry' }],
  };

  it('a repeated create answers the same collection; another with that handle is a 409', async () => {
    const first = await post('product.createCollection', fields, tokens.catalog);
    expect(first.status).toBe(200);
    const again = await post('product.createCollection', fields, tokens.catalog);
    expect(again.status).toBe(200);
    const id = (body: unknown) =>
      (body as { result: { data: { id: string; created: boolean } } }).result.data;
    expect(id(again.json)).toEqual({ ...id(first.json), created: false });
    const clash = await post(
      'product.createCollection',
      { ...fields, title: 'Something else' },
      tokens.catalog,
    );
    expect(clash.status).toBe(409);
    expect(clash.text).toContain('handle taken: retry-me');
  });

  it('updates with a version check; a retried save is accepted, a stale one is a 409', async () => {
    const created = await staff.product.createCollection.mutate({
      ...fields,
      handle: 'versioned',
      kind: 'rule',
      conditions: [{ field: 'tag', operator: 'is', value: 'v' }],
    });
    const change = {
      id: created.id,
      expectedVersion: 0,
      collection: {
        handle: 'versioned-renamed',
        title: 'Versioned',
        kind: 'rule' as const,
        conditions: [{ field: 'tag' as const, operator: 'is' as const, value: 'v' }],
      },
    };
    expect((await staff.product.updateCollection.mutate(change)).version).toBe(1);
    // The same save again (a retry after a lost answer): accepted, nothing changes.
    expect((await staff.product.updateCollection.mutate(change)).version).toBe(1);
    const stale = await post(
      'product.updateCollection',
      { ...change, collection: { ...change.collection, title: 'Other' } },
      tokens.catalog,
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('changed by someone else');
    // The old handle is gone from the shop; the new one answers.
    expect((await get('product.collectionPage', { handle: 'versioned' })).status).toBe(404);
    expect((await get('product.collectionPage', { handle: 'versioned-renamed' })).status).toBe(200);
  });

  it('deletes; deleting again answers deleted: false', async () => {
    const created = await staff.product.createCollection.mutate({
      handle: 'short-lived',
      title: 'Short lived',
      kind: 'manual',
    });
    expect(await staff.product.deleteCollection.mutate({ id: created.id })).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(await staff.product.deleteCollection.mutate({ id: created.id })).toEqual({
      id: created.id,
      deleted: false,
    });
    expect((await get('product.collectionPage', { handle: 'short-lived' })).status).toBe(404);
  });

  it('lists collections for staff with their counts, and links for shoppers', async () => {
    const list = await analyst.product.adminCollections.query({ q: 'gift' });
    expect(list.items).toEqual([
      expect.objectContaining({ handle: 'gift-picks', kind: 'manual', activeProductCount: 2 }),
    ]);
    const links = await shop.product.collectionLinks.query();
    expect(handlesOf(links.items)).toEqual(expect.arrayContaining(['gift-picks', 'summer']));
  });
});

describe('who may use the collection procedures', () => {
  it('an order manager gets 403 for reads and writes; an analyst reads but cannot write', async () => {
    const created = await staff.product.createCollection.mutate({
      handle: 'roles-check',
      title: 'Roles',
      kind: 'manual',
    });
    const writes: [string, unknown][] = [
      ['product.createCollection', { handle: 'roles-2', title: 'R', kind: 'manual' }],
      [
        'product.updateCollection',
        { id: created.id, collection: { handle: 'roles-check', title: 'X', kind: 'manual' } },
      ],
      ['product.deleteCollection', { id: created.id }],
      ['product.addToCollection', { collectionId: created.id, productId: created.id }],
      ['product.removeFromCollection', { collectionId: created.id, productId: created.id }],
    ];
    for (const [path, body] of writes) {
      expect((await post(path, body, tokens.orders)).status, path).toBe(403);
      expect((await post(path, body, tokens.analyst)).status, path).toBe(403);
    }
    for (const [path, input] of [
      ['product.adminCollections', {}],
      ['product.collectionById', { id: created.id }],
      ['product.previewCollection', { conditions: [{ field: 'tag', operator: 'is', value: 'x' }] }],
      ['product.productCollections', { productId: created.id }],
    ] as const) {
      expect((await get(path, input, tokens.orders)).status, path).toBe(403);
      expect((await get(path, input, tokens.analyst)).status, path).not.toBe(403);
    }
    expect((await get('product.collectionById', { id: created.id }, tokens.analyst)).status).toBe(
      200,
    );
  });
});

describe('bad input is a 4xx naming the problem', () => {
  it('refuses bad handles, conditions, tags and mismatched kinds', async () => {
    const bad = async (body: unknown) => {
      const response = await post('product.createCollection', body, tokens.catalog);
      expect(response.status, response.text).toBe(400);
      return issuesOf(response.text);
    };
    expect(await bad({ handle: 'Not A Handle', title: 'x', kind: 'manual' })).toEqual([
      expect.objectContaining({ path: 'handle' }),
    ]);
    expect(await bad({ handle: 'no-rules', title: 'x', kind: 'rule' })).toEqual([
      { path: 'conditions', message: 'a rule collection needs at least one condition' },
    ]);
    expect(
      await bad({
        handle: 'bad-op',
        title: 'x',
        kind: 'rule',
        conditions: [{ field: 'tag', operator: 'under', value: 'x' }],
      }),
    ).toEqual([expect.objectContaining({ path: 'conditions.0.operator' })]);
    expect(
      await bad({
        handle: 'bad-price',
        title: 'x',
        kind: 'rule',
        conditions: [{ field: 'price', operator: 'under', amountMinor: -5 }],
      }),
    ).toEqual([expect.objectContaining({ path: 'conditions.0.amountMinor' })]);
    expect(
      await bad({
        handle: 'query-op',
        title: 'x',
        kind: 'rule',
        conditions: [{ field: 'brand', operator: 'is', value: { $gt: '' } }],
      }),
    ).toEqual([expect.objectContaining({ path: 'conditions.0.value' })]);
    expect(
      await bad({
        handle: 'manual-with-rule',
        title: 'x',
        kind: 'manual',
        conditions: [{ field: 'tag', operator: 'is', value: 'x' }],
      }),
    ).toEqual([{ path: 'conditions', message: 'a manual collection has no conditions' }]);

    const unknownCategory = await post(
      'product.createCollection',
      {
        handle: 'unknown-cat',
        title: 'x',
        kind: 'rule',
        conditions: [{ field: 'category', operator: 'is', value: 'no-such-category' }],
      },
      tokens.catalog,
    );
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.text).toContain('Unknown category: no-such-category');

    const missingProduct = await post(
      'product.createCollection',
      { handle: 'unknown-product', title: 'x', kind: 'manual', productIds: ['f'.repeat(24)] },
      tokens.catalog,
    );
    expect(missingProduct.status).toBe(400);
    expect(missingProduct.text).toContain(`Unknown product: ${'f'.repeat(24)}`);
  });

  it('refuses bad tags on a product and adding to a rule collection', async () => {
    const response = await post(
      'product.create',
      {
        slug: 'bad-tags',
        name: 'Bad tags',
        brand: 'B',
        categorySlugs: ['lighting'],
        variants: [{ sku: 'BAD-TAGS-1', priceMinor: 100 }],
        tags: ['ok', 'no <script>'],
      },
      tokens.catalog,
    );
    expect(response.status).toBe(400);
    expect(issuesOf(response.text)).toEqual([expect.objectContaining({ path: 'tags.1' })]);
    const tooMany = await post(
      'product.create',
      {
        slug: 'many-tags',
        name: 'Many tags',
        brand: 'B',
        categorySlugs: ['lighting'],
        variants: [{ sku: 'MANY-TAGS-1', priceMinor: 100 }],
        tags: Array.from({ length: 21 }, (_, index) => `tag ${index}`),
      },
      tokens.catalog,
    );
    expect(tooMany.status).toBe(400);
    expect(issuesOf(tooMany.text)).toEqual([{ path: 'tags', message: 'at most 20 tags' }]);

    const item = await product('rule-add-refused');
    const rule = await staff.product.createCollection.mutate({
      handle: 'rule-add-refused',
      title: 'Rule only',
      kind: 'rule',
      conditions: [{ field: 'tag', operator: 'is', value: 'nothing' }],
    });
    const refused = await post(
      'product.addToCollection',
      { collectionId: rule.id, productId: item.id },
      tokens.catalog,
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('products join it by matching its conditions');
    expect((await get('product.collectionPage', { handle: 'nope' })).status).toBe(404);
    expect((await get('product.collectionPage', { handle: 'x', pageSize: 500 })).status).toBe(400);
  });
});
