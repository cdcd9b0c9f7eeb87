import { connectDomainDatabase } from '@shop/db';
import { productModels, type ProductModels } from '@shop/db/product';
import { generateCatalog } from '@shop/db/seed';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { sweepReservations } from '../src/cells/product/reservations';
import type { CellHost } from '../src/host';
import { bearer, request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let models: ProductModels;
let staff: ReturnType<typeof createCellClient>;
let adminToken: string;
let shopperToken: string;

// Two single-variant products of the demo catalog: their SKU is all the product's stock.
const singles = generateCatalog()
  .products.filter((product) => product.status === 'active' && product.variants.length === 1)
  .slice(0, 2);
const [skuA, skuB] = singles.map((product) => product.variants[0]?.sku ?? '');
const productA = singles[0];

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  adminToken = await loginAs(host.url, 'admin@example.com');
  shopperToken = await loginAs(host.url, 'shopper@example.com');
  staff = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => bearer(adminToken),
  });
  models = productModels(await connectDomainDatabase('product'));
});
afterAll(() => stopTestHosts(host));

async function setStock(sku: string, onHand: number) {
  await models.InventoryItem.updateOne(
    { sku },
    { $set: { onHand, reserved: 0, available: onHand, holds: [], returnedHolds: [] } },
  );
}
const stockOf = (sku: string) => models.InventoryItem.findOne({ sku }).lean();
let counter = 0;
const newId = () => `test-${Date.now()}-${(counter += 1)}`;

beforeEach(async () => {
  await setStock(skuA ?? '', 10);
  await setStock(skuB ?? '', 10);
});

describe('reserveStock', () => {
  it('lets exactly the available units be reserved by 50 concurrent checkouts', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        staff.product.reserveStock.mutate({
          reservationId: newId(),
          lines: [{ sku: skuA ?? '', quantity: 1 }],
        }),
      ),
    );
    const succeeded = attempts.filter((attempt) => attempt.status === 'fulfilled');
    expect(succeeded).toHaveLength(10);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect(String(attempt.reason)).toContain(`Not enough stock for ${skuA}`);
      }
    }
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    // Sold out: the product's denormalised flag follows, and shoppers see it.
    expect((await models.Product.findOne({ slug: productA?.slug }).lean())?.inStock).toBe(false);
    const page = await staff.product.bySlug.query({ slug: productA?.slug ?? '' });
    expect(page.inStock).toBe(false);
    expect(page.variants[0]?.stock).toBe('out_of_stock');
  });

  it('is idempotent per reservation id, and refuses the same id with other lines', async () => {
    const reservationId = newId();
    const lines = [{ sku: skuA ?? '', quantity: 3 }];
    const first = await staff.product.reserveStock.mutate({ reservationId, lines });
    const again = await staff.product.reserveStock.mutate({ reservationId, lines });
    expect(again).toEqual(first);
    expect(await stockOf(skuA ?? '')).toMatchObject({ reserved: 3, available: 7 });
    await expect(
      staff.product.reserveStock.mutate({
        reservationId,
        lines: [{ sku: skuA ?? '', quantity: 4 }],
      }),
    ).rejects.toThrow(/different lines/);
  });

  it('takes every line or none, naming the SKU that is short', async () => {
    await setStock(skuB ?? '', 1);
    await expect(
      staff.product.reserveStock.mutate({
        reservationId: newId(),
        lines: [
          { sku: skuA ?? '', quantity: 2 },
          { sku: skuB ?? '', quantity: 2 },
        ],
      }),
    ).rejects.toThrow(`Not enough stock for ${skuB}`);
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
  });

  it('says which SKU is unknown', async () => {
    await expect(
      staff.product.reserveStock.mutate({
        reservationId: newId(),
        lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }],
      }),
    ).rejects.toThrow('Unknown SKU: NO-SUCH-SKU');
  });
});

describe('releaseStock and commitStock', () => {
  it('release gives the units back once, however often it is called', async () => {
    const reservationId = newId();
    await staff.product.reserveStock.mutate({
      reservationId,
      lines: [{ sku: skuA ?? '', quantity: 4 }],
    });
    expect(await staff.product.releaseStock.mutate({ reservationId })).toEqual({
      reservationId,
      status: 'released',
    });
    await staff.product.releaseStock.mutate({ reservationId });
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    await expect(staff.product.commitStock.mutate({ reservationId })).rejects.toThrow(
      /already released/,
    );
  });

  it('commit takes the units out of stock once, however often it is called', async () => {
    const reservationId = newId();
    await staff.product.reserveStock.mutate({
      reservationId,
      lines: [{ sku: skuA ?? '', quantity: 4 }],
    });
    await staff.product.commitStock.mutate({ reservationId });
    await staff.product.commitStock.mutate({ reservationId });
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    await expect(staff.product.releaseStock.mutate({ reservationId })).rejects.toThrow(
      /already committed/,
    );
  });
});

// A product host killed half-way through moving a reservation's units (SIGKILL between two
// writes) leaves one of these states; the order saga then retries its call, or nobody does and
// the sweep must finish. Each state is written directly, as the crash would have left it.
describe('a crash half-way through moving units', () => {
  async function heldBoth(): Promise<string> {
    const reservationId = newId();
    await staff.product.reserveStock.mutate({
      reservationId,
      lines: [
        { sku: skuA ?? '', quantity: 3 },
        { sku: skuB ?? '', quantity: 2 },
      ],
    });
    return reservationId;
  }
  const crashState = (reservationId: string, set: Record<string, unknown>, takenSkus: string[]) =>
    models.Reservation.updateOne(
      { reservationId },
      // Old enough for the sweep; `timestamps: false` keeps this write from renewing updatedAt.
      { $set: { ...set, takenSkus, updatedAt: new Date(Date.now() - 5 * 60_000) } },
      { timestamps: false },
    );

  it('a retried commit ships the units of a SKU the crash had already struck off the hold', async () => {
    const reservationId = await heldBoth();
    // Committed, and A taken off the hold's list, but A's units never left stock.
    await crashState(reservationId, { status: 'committed' }, [skuB ?? '']);
    await staff.product.commitStock.mutate({ reservationId });
    await staff.product.commitStock.mutate({ reservationId });
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
  });

  it('the sweep finishes a commit that nobody retried, shipping each SKU once', async () => {
    const reservationId = await heldBoth();
    await staff.product.commitStock.mutate({ reservationId });
    // As if the host died after shipping A but before clearing either hint, then after a
    // minute the sweep runs (twice: it must not ship A again).
    await models.InventoryItem.updateOne({ sku: skuB }, { $inc: { onHand: 2, reserved: 2 } });
    await models.InventoryItem.updateOne({ sku: skuB }, { $push: { holds: reservationId } });
    await crashState(reservationId, { status: 'committed' }, [skuA ?? '', skuB ?? '']);
    await sweepReservations(models, console);
    await sweepReservations(models, console);
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    expect((await models.Reservation.findOne({ reservationId }).lean())?.takenSkus).toEqual([]);
  });

  it('a retried release gives back the units of a SKU the crash had struck off the hold', async () => {
    const reservationId = await heldBoth();
    await crashState(reservationId, { status: 'released' }, []);
    expect(await staff.product.releaseStock.mutate({ reservationId })).toMatchObject({
      status: 'released',
    });
    await staff.product.releaseStock.mutate({ reservationId });
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
  });

  it('a retried return puts the units back on hand once, even if the crash came first', async () => {
    const reservationId = await heldBoth();
    await staff.product.commitStock.mutate({ reservationId });
    // Marked returned, nothing put back yet; then the retry, then a second retry.
    await crashState(reservationId, { status: 'returned' }, [skuA ?? '', skuB ?? '']);
    await staff.product.returnStock.mutate({ reservationId });
    await staff.product.returnStock.mutate({ reservationId });
    await sweepReservations(models, console);
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
  });

  it('twenty concurrent commits of one hold ship its units once', async () => {
    const reservationId = await heldBoth();
    await Promise.all(
      Array.from({ length: 20 }, () => staff.product.commitStock.mutate({ reservationId })),
    );
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await stockOf(skuB ?? '')).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
  });
});

describe('expiry', () => {
  it('an expired hold cannot be committed, and the sweep gives its units back', async () => {
    const late = newId();
    const swept = newId();
    for (const reservationId of [late, swept]) {
      await staff.product.reserveStock.mutate({
        reservationId,
        lines: [{ sku: skuA ?? '', quantity: 2 }],
        ttlSeconds: 1,
      });
    }
    expect(await stockOf(skuA ?? '')).toMatchObject({ reserved: 4, available: 6 });
    // Make both overdue without waiting.
    await models.Reservation.updateMany(
      { reservationId: { $in: [late, swept] } },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await expect(staff.product.commitStock.mutate({ reservationId: late })).rejects.toThrow(
      /expired/,
    );
    expect(await sweepReservations(models, console)).toBe(1);
    expect(await stockOf(skuA ?? '')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await staff.product.releaseStock.mutate({ reservationId: swept })).toEqual({
      reservationId: swept,
      status: 'expired',
    });
  });
});

describe('who may hold stock', () => {
  const reserve = (headers: Record<string, string>, body: unknown) =>
    request(`${host.url}/trpc/product.reserveStock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const valid = { reservationId: 'r-1', lines: [{ sku: 'X-1', quantity: 1 }] };

  it('refuses no token (401) and a shopper (403)', async () => {
    expect((await reserve({}, valid)).status).toBe(401);
    expect((await reserve(bearer(shopperToken), valid)).status).toBe(403);
  });

  it('answers 400 to operators, zero or fractional quantities and odd ids', async () => {
    const admin = bearer(adminToken);
    for (const body of [
      { ...valid, lines: [{ sku: { $gt: '' }, quantity: 1 }] },
      { ...valid, lines: [{ sku: 'X-1', quantity: 0 }] },
      { ...valid, lines: [{ sku: 'X-1', quantity: 1.5 }] },
      { ...valid, lines: [] },
      { ...valid, reservationId: { $ne: null } },
      { ...valid, reservationId: 'a b' },
      { ...valid, ttlSeconds: -5 },
    ]) {
      expect((await reserve(admin, body)).status).toBe(400);
    }
  });
});
