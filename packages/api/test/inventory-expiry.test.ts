import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { generateCatalog, seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';

let platform: HostWithExecutor;
let host: CellHost;

beforeAll(async () => {
  isolateTestDatabases();
  await seedDemoData();
  platform = await startHostWithExecutor(['auth', 'product']);
  host = platform.host;
});
afterAll(() => platform?.stop());

it('a hold nobody completes is released when its time is up (event -> sleep -> expire)', async () => {
  const { loginAs } = await import('./support/login');
  const { createCellClient } = await import('../src/client');
  const token = await loginAs(host.url, 'admin@example.com');
  const saga = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => ({ authorization: `Bearer ${token}` }),
  });
  const sku = generateCatalog().inventory.find((item) => item.available >= 10)?.sku ?? '';
  const { InventoryItem, Reservation } = productModels(await connectDomainDatabase('product'));
  const before = await InventoryItem.findOne({ sku }).lean();

  await saga.product.reserveStock.mutate({
    reservationId: 'expiry-1',
    lines: [{ sku, quantity: 2 }],
    ttlSeconds: 2,
  });
  expect((await InventoryItem.findOne({ sku }).lean())?.available).toBe(
    (before?.available ?? 0) - 2,
  );

  let status: string | undefined;
  await waitFor(
    async () => {
      status = (await Reservation.findOne({ reservationId: 'expiry-1' }).lean())?.status;
      return status === 'expired';
    },
    { what: 'the reservation to expire', intervalMs: 200 },
  ).catch(() => undefined); // the expectation below names the status it is still in
  expect(status).toBe('expired');
  expect(await InventoryItem.findOne({ sku }).lean()).toMatchObject({
    available: before?.available,
    reserved: 0,
  });
});
