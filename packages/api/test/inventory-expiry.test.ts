import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { generateCatalog } from '@shop/db/seed';
import { waitFor } from '@shop/db/testing';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

let platform: HostWithExecutor;
let host: CellHost;
let prefix: string;

beforeAll(async () => {
  prefix = await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product']);
  host = platform.host;
});
afterAll(() => platform?.stop());

/**
 * Brings the next tick of the product cell's minute sweep forward to now, in the local executor's
 * queue (database `<prefix>inngest_local`), so the test need not wait for the minute to turn. The
 * executor looks for due work every 50 ms here, so it runs the tick at once.
 */
async function tickSweepNow(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set');
  const executorDb = mongoose.createConnection(uri, { dbName: `${prefix}inngest_local` });
  try {
    const moved = await executorDb
      .collection('jobs')
      .updateOne(
        { kind: 'cron', functionId: { $regex: /sweep-expired-reservations$/ } },
        { $set: { dueAt: new Date() } },
      );
    expect(moved.matchedCount).toBe(1);
  } finally {
    await executorDb.close();
  }
}

it('a hold nobody completes is released by the sweep once its time is up (cron -> sweep)', async () => {
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
    ttlSeconds: 1,
  });
  expect((await InventoryItem.findOne({ sku }).lean())?.available).toBe(
    (before?.available ?? 0) - 2,
  );

  // Past its time, the next tick of the sweep (no timer per reservation) gives the units back.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await tickSweepNow();
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
