import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { failureOf } from './support/cart-calls';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type CellClient, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// The stock page over HTTP: per-SKU counts, adjustments with a reason kept in a ledger with who
// and when, thresholds and the low-stock list, and who may do each.

let host: CellHost;
let accounts: Record<'catalog' | 'analyst' | 'orders' | 'shopper', SignedIn>;
type Client = CellClient;
let staff: Client;
let analyst: Client;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  accounts = await signInDemoAccounts(host.url, ['catalog', 'analyst', 'orders', 'shopper']);
  staff = accounts.catalog.client;
  analyst = accounts.analyst.client;
  await staff.product.create.mutate({
    slug: 'inventory-test-kettle',
    name: 'Inventory Test Kettle',
    brand: 'Hearth',
    categorySlugs: ['lighting'],
    options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
    variants: [
      { sku: 'INV-KETTLE-RED', optionValues: ['Red'], priceMinor: 4900, onHand: 12 },
      {
        sku: 'INV-KETTLE-BLUE',
        optionValues: ['Blue'],
        priceMinor: 4900,
        onHand: 2,
        lowStockThreshold: 3,
      },
    ],
  });
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

describe('inventory procedures', () => {
  it('let analysts read and only catalog managers write; order managers and shoppers get 403', async () => {
    const reads: [string, unknown][] = [
      ['product.inventoryList', { q: 'INV-KETTLE' }],
      ['product.stockMovements', { sku: 'INV-KETTLE-RED' }],
    ];
    const writes: [string, unknown][] = [
      ['product.adjustInventory', { sku: 'INV-KETTLE-RED', delta: 1, reason: 'received' }],
      ['product.setLowStockThreshold', { sku: 'INV-KETTLE-RED', lowStockThreshold: 4 }],
    ];
    for (const [path, input] of reads) {
      expect((await get(path, input, accounts.catalog.token)).status).toBe(200);
      expect((await get(path, input, accounts.analyst.token)).status).toBe(200);
      expect((await get(path, input, accounts.orders.token)).status).toBe(403);
      expect((await get(path, input, accounts.shopper.token)).status).toBe(403);
    }
    for (const [path, input] of writes) {
      expect((await post(path, input, accounts.analyst.token)).status).toBe(403);
      expect((await post(path, input, accounts.orders.token)).status).toBe(403);
      expect((await post(path, input, accounts.shopper.token)).status).toBe(403);
    }
    // Nothing the refused writes asked for happened.
    const { movements } = await analyst.product.stockMovements.query({ sku: 'INV-KETTLE-RED' });
    expect(movements).toEqual([]);
  });

  it('show on hand, reserved and available per SKU, found by SKU or product name', async () => {
    const byName = await analyst.product.inventoryList.query({ q: 'inventory test kettle' });
    expect(
      byName.items.map((row) => [
        row.sku,
        row.variantLabel,
        row.onHand,
        row.reserved,
        row.available,
      ]),
    ).toEqual([
      ['INV-KETTLE-BLUE', 'Blue', 2, 0, 2],
      ['INV-KETTLE-RED', 'Red', 12, 0, 12],
    ]);
    const bySku = await analyst.product.inventoryList.query({ q: 'kettle-red' });
    expect(bySku.items.map((row) => row.sku)).toEqual(['INV-KETTLE-RED']);
  });

  it('record every adjustment with its reason, note, who and when, newest first', async () => {
    const received = await staff.product.adjustInventory.mutate({
      sku: 'INV-KETTLE-RED',
      delta: 6,
      reason: 'received',
      note: 'Delivery 4471',
    });
    expect(received).toEqual({ sku: 'INV-KETTLE-RED', onHand: 18, reserved: 0, available: 18 });
    await staff.product.adjustInventory.mutate({
      sku: 'inv-kettle-red',
      delta: -2,
      reason: 'damaged',
    });
    const counted = await staff.product.adjustInventory.mutate({
      sku: 'INV-KETTLE-RED',
      onHand: 11,
      reason: 'counted',
    });
    expect(counted.onHand).toBe(11);
    const history = await analyst.product.stockMovements.query({ sku: 'INV-KETTLE-RED' });
    expect(history.item).toMatchObject({ sku: 'INV-KETTLE-RED', onHand: 11, available: 11 });
    expect(
      history.movements.map((m) => [m.reason, m.delta, m.onHandBefore, m.onHandAfter, m.note]),
    ).toEqual([
      ['counted', -5, 16, 11, ''],
      ['damaged', -2, 18, 16, ''],
      ['received', 6, 12, 18, 'Delivery 4471'],
    ]);
    for (const movement of history.movements) {
      expect(movement.actorEmail).toBe('catalog@example.com');
      expect(movement.source).toBe('inventory');
      expect(Date.now() - Date.parse(movement.at)).toBeLessThan(10 * 60_000);
    }
  });

  it('refuse a change below what is reserved (409) and a reason staff cannot give (400)', async () => {
    const tooMany = await failureOf(
      staff.product.adjustInventory.mutate({
        sku: 'INV-KETTLE-BLUE',
        delta: -3,
        reason: 'damaged',
      }),
    );
    expect(tooMany.code).toBe('CONFLICT');
    const badReason = await post(
      'product.adjustInventory',
      { sku: 'INV-KETTLE-BLUE', delta: 1, reason: 'stolen' },
      accounts.catalog.token,
    );
    expect(badReason.status).toBe(400);
    const zero = await post(
      'product.adjustInventory',
      { sku: 'INV-KETTLE-BLUE', delta: 0, reason: 'counted' },
      accounts.catalog.token,
    );
    expect(zero.status).toBe(400);
    const unknown = await failureOf(
      staff.product.adjustInventory.mutate({ sku: 'NO-SUCH-SKU', delta: 1, reason: 'received' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('list SKUs at or below their own threshold as low, and follow a changed threshold', async () => {
    const low = async () =>
      (await analyst.product.inventoryList.query({ q: 'INV-KETTLE', lowStock: true })).items.map(
        (row) => row.sku,
      );
    // Blue: 2 available, threshold 3. Red: 11 available, threshold 5 (the default).
    expect(await low()).toEqual(['INV-KETTLE-BLUE']);
    expect(
      await staff.product.setLowStockThreshold.mutate({
        sku: 'INV-KETTLE-RED',
        lowStockThreshold: 11,
      }),
    ).toEqual({ sku: 'INV-KETTLE-RED', lowStockThreshold: 11, low: true });
    expect(await low()).toEqual(['INV-KETTLE-BLUE', 'INV-KETTLE-RED']);
    await staff.product.adjustInventory.mutate({
      sku: 'INV-KETTLE-BLUE',
      delta: 10,
      reason: 'returned',
    });
    expect(await low()).toEqual(['INV-KETTLE-RED']);
    const all = await analyst.product.inventoryList.query({ lowStock: true, pageSize: 48 });
    expect(all.lowStockCount).toBe(all.totalCount);
  });
});
