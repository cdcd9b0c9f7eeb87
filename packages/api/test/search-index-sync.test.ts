import { Types } from 'mongoose';
import pino from 'pino';
import { expect, it } from 'vitest';
import type { CatalogSource } from '../src/cells/search/catalog-source';
import type { StoredProduct } from '../src/cells/search/indexed-product';
import { IndexNotReadyError, IndexSync } from '../src/cells/search/index-sync';
import { searchQueryInput } from '../src/cells/search/search-input';

/** A products_db stand-in whose first read waits for the test to open a gate. */
function fakeSource(products: StoredProduct[], gate: Promise<void>): CatalogSource {
  return {
    name: 'fake_products_db',
    isOpen: () => true,
    ping: async () => undefined,
    categories: async () => [
      { slug: 'lighting', name: 'Lighting', parentSlug: null, ancestorSlugs: [], version: 1 },
    ],
    activeProducts: async function* () {
      await gate;
      yield* products.filter((product) => product.status === 'active');
    },
    changedSince: async function* (since) {
      yield* products.filter((product) => (product.updatedAt?.getTime() ?? 0) >= since.getTime());
    },
    activeVersions: async function* () {
      for (const product of products) {
        if (product.status === 'active') {
          yield { id: product._id.toString(), version: product.updatedAt?.getTime() ?? 0 };
        }
      }
    },
    byIds: async (ids) => products.filter((product) => ids.includes(product._id.toString())),
  };
}

function lamp(name: string, status: StoredProduct['status'] = 'active'): StoredProduct {
  return {
    _id: new Types.ObjectId(),
    slug: name.toLowerCase().replaceAll(' ', '-'),
    name,
    brand: 'Lumen',
    status,
    categorySlugs: ['lighting'],
    currency: 'EUR',
    options: [],
    variants: [{ priceMinor: 4_500 }],
    images: [],
    attributes: [],
    priceMinMinor: 4_500,
    priceMaxMinor: 4_500,
    inStock: true,
    rating: { average: 4, count: 2 },
    publishedAt: new Date('2026-01-01'),
    updatedAt: new Date(),
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
  expect(index.search(searchQueryInput.parse({ q: 'lamp' })).totalCount).toBe(2);
  sync.stop();
});

it('applies what changed on a poll: new and edited products upserted, archived removed', async () => {
  const products = [lamp('Oak Desk Lamp'), lamp('Brass Floor Lamp')];
  const sync = new IndexSync(async () => fakeSource(products, Promise.resolve()), options);
  await sync.start();
  const index = await sync.ready(5_000);

  // Asked before the product exists: that empty answer must not be served from cache after.
  expect(index.search(searchQueryInput.parse({ q: 'chandelier' })).totalCount).toBe(0);
  products.push(lamp('Crystal Chandelier'));
  await sync.syncNow();
  expect(index.search(searchQueryInput.parse({ q: 'chandelier' })).totalCount).toBe(1);

  products[0] = { ...products[0]!, name: 'Oak Desk Lantern', updatedAt: new Date(Date.now() + 1) };
  products[1] = { ...products[1]!, status: 'archived', updatedAt: new Date(Date.now() + 1) };
  await sync.syncNow();

  const names = (q: string) =>
    index.search(searchQueryInput.parse({ q })).results.map((result) => result.name);
  expect(names('lantern')).toEqual(['Oak Desk Lantern']);
  expect(names('brass')).toEqual([]);
  sync.stop();
});
