import { Types } from 'mongoose';
import pino from 'pino';
import { expect, it } from 'vitest';
import type { CatalogProduct, CatalogReader } from '../src/cells/product/public';
import { IndexNotReadyError, IndexSync } from '../src/cells/search/index-sync';
import { queryInput } from '../src/cells/search/inputs';

/** A stand-in for the product cell's catalogue reader whose first read waits for a gate. */
function fakeSource(products: CatalogProduct[], gate: Promise<void>): CatalogReader {
  return {
    name: 'fake_products_db',
    isOpen: () => true,
    ping: async () => undefined,
    categories: async () => [
      { slug: 'lighting', name: 'Lighting', parentSlug: null, ancestorSlugs: [], version: 1 },
    ],
    listedProducts: async function* () {
      await gate;
      yield* products.filter((product) => product.listed);
    },
    changedSince: async function* (since) {
      yield* products.filter((product) => product.version >= since.getTime());
    },
    listedVersions: async function* () {
      for (const product of products) {
        if (product.listed) yield { id: product.id, version: product.version };
      }
    },
    byIds: async (ids) => products.filter((product) => ids.includes(product.id)),
  };
}

function lamp(name: string, status: 'active' | 'draft' | 'archived' = 'active'): CatalogProduct {
  const id = new Types.ObjectId().toString();
  return {
    id,
    version: Date.now(),
    listed: status === 'active',
    summary: {
      id,
      slug: name.toLowerCase().replaceAll(' ', '-'),
      name,
      brand: 'Lumen',
      priceMinor: 4_500,
      priceMaxMinor: 4_500,
      compareAtPriceMinor: null,
      currency: 'EUR',
      image: null,
      categorySlugs: ['lighting'],
      inStock: true,
      rating: { average: 4, count: 2 },
    },
    options: [],
    attributes: [],
    description: `${name}, for a desk or a bedside table.`,
    publishedAt: new Date('2026-01-01').getTime(),
  };
}

const options = {
  pollIntervalMs: 60_000, // polls happen only when the test asks (syncNow)
  reconcileIntervalMs: 60_000,
  overlapMs: 5_000,
  batchSize: 2,
  logger: pino({ level: 'silent' }),
};

it('is not ready (and says so) until the first build is complete, then answers', async () => {
  let openGate = () => undefined as void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const products = [lamp('Oak Desk Lamp'), lamp('Brass Floor Lamp'), lamp('Old Lamp', 'draft')];
  const sync = new IndexSync(async () => fakeSource(products, gate), options);
  await sync.start(); // returns while the build waits on the source
  expect(sync.isReady).toBe(false);
  await expect(sync.ready(50)).rejects.toBeInstanceOf(IndexNotReadyError);

  openGate();
  const index = await sync.ready(5_000);
  expect(sync.isReady).toBe(true);
  expect(index.search(queryInput.parse({ q: 'lamp' })).totalCount).toBe(2);
  sync.stop();
});

it('applies what changed on a poll: new and edited products upserted, archived removed', async () => {
  const products = [lamp('Oak Desk Lamp'), lamp('Brass Floor Lamp')];
  const sync = new IndexSync(async () => fakeSource(products, Promise.resolve()), options);
  await sync.start();
  const index = await sync.ready(5_000);

  // Asked before the product exists: that empty answer must not be served from cache after.
  expect(index.search(queryInput.parse({ q: 'chandelier' })).totalCount).toBe(0);
  products.push(lamp('Crystal Chandelier'));
  await sync.syncNow();
  expect(index.search(queryInput.parse({ q: 'chandelier' })).totalCount).toBe(1);

  products[0] = {
    ...products[0]!,
    summary: { ...products[0]!.summary, name: 'Oak Desk Lantern' },
    version: Date.now() + 1,
  };
  products[1] = { ...products[1]!, listed: false, version: Date.now() + 1 };
  await sync.syncNow();

  const names = (q: string) =>
    index.search(queryInput.parse({ q })).results.map((result) => result.name);
  expect(names('lantern')).toEqual(['Oak Desk Lantern']);
  expect(names('brass')).toEqual([]);
  sync.stop();
});
