import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { generateCatalog } from '@shop/db/seed';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { createCellClient as CreateCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { startEventCapture, type EventCapture } from './support/auth-event-capture';
import type { stopTestHosts as StopTestHosts } from './support/test-host';

let events: EventCapture;
let host: CellHost;
let stopTestHosts: typeof StopTestHosts;
let staff: ReturnType<typeof CreateCellClient>;
let saga: ReturnType<typeof CreateCellClient>;

beforeAll(async () => {
  events = await startEventCapture();
  // Read when the cells' Inngest clients are created: set before the cells are imported.
  process.env.INNGEST_DEV = '1';
  process.env.INNGEST_BASE_URL = events.url;
  const testHost = await import('./support/test-host');
  stopTestHosts = testHost.stopTestHosts;
  await testHost.seededTestDatabases();
  host = await testHost.startTestHost(['auth', 'product']);
  const { loginAs } = await import('./support/login');
  const { createCellClient } = await import('../src/client');
  const clientAs = async (email: string) => {
    const token = await loginAs(host.url, email);
    return createCellClient({
      urlFor: () => `${host.url}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
  };
  staff = await clientAs('catalog@example.com');
  saga = await clientAs('admin@example.com');
});
afterAll(async () => {
  await stopTestHosts?.(host);
  await events?.stop();
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_BASE_URL;
});

it('announces created, updated and archived products and changed categories', async () => {
  const created = await staff.product.create.mutate({
    slug: 'event-lamp',
    name: 'Event Lamp',
    brand: 'Northlight',
    description: 'A lamp whose events are watched.',
    status: 'active',
    categorySlugs: ['lighting'],
    variants: [{ sku: 'EVT-LAMP-1', priceMinor: 1000, onHand: 3 }],
  });
  const ref = { productId: created.id, slug: 'event-lamp' };
  expect(events.latest('product/product.created', ref)).toBeDefined();
  await staff.product.update.mutate({ id: created.id, changes: { name: 'Event Lamp II' } });
  expect(events.latest('product/product.updated', ref)).toBeDefined();
  await staff.product.archive.mutate({ id: created.id });
  expect(events.latest('product/product.archived', ref)).toBeDefined();
  await staff.product.updateCategory.mutate({ slug: 'decor', name: 'Decoration' });
  expect(events.latest('product/category.updated', { slug: 'decor' })).toBeDefined();
});

it('announces a SKU running low and a product selling out when stock is reserved', async () => {
  const product = generateCatalog().products.find(
    (entry) => entry.status === 'active' && entry.variants.length === 1,
  );
  const sku = product?.variants[0]?.sku ?? '';
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  await InventoryItem.updateOne({ sku }, { $set: { onHand: 8, reserved: 0, available: 8 } });

  await saga.product.reserveStock.mutate({ reservationId: 'evt-1', lines: [{ sku, quantity: 4 }] });
  expect(events.latest('product/stock.low', { sku, available: 4 })).toBeDefined();

  await saga.product.reserveStock.mutate({ reservationId: 'evt-2', lines: [{ sku, quantity: 4 }] });
  expect(
    events.latest('product/product.updated', { productId: product?._id, slug: product?.slug }),
  ).toBeDefined();
});

it('keeps the write when the event cannot be sent', async () => {
  events.failing = true;
  try {
    const created = await staff.product.create.mutate({
      slug: 'quiet-lamp',
      name: 'Quiet Lamp',
      brand: 'Northlight',
      categorySlugs: ['lighting'],
      variants: [{ sku: 'EVT-QUIET-1', priceMinor: 1000 }],
    });
    expect(created.slug).toBe('quiet-lamp');
  } finally {
    events.failing = false;
  }
});
