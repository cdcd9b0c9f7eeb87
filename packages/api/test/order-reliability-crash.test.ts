import { connectDomainDatabase } from '@shop/db';
import { paymentModels } from '@shop/db/payment';
import type * as OrderFixtures from './support/order-fixtures';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { spawnHost, type SpawnedHost } from './support/spawn-host';
import { seedFileDatabases } from './support/seed-file-databases';

/**
 * The product and payment cells run in their own process, which is killed (SIGKILL) twice in the
 * middle of checkouts and restarted on the same port: while sagas reserve stock, and right after
 * shoppers paid. Every order must still end CONFIRMED or CANCELLED, with stock and money adding up.
 */

type Fixtures = typeof OrderFixtures;

const port = 5231;
const serviceSecret = 'test-service-secret-0123456789-crash';
let platform: HostWithExecutor;
let cells: SpawnedHost | undefined;
let fx: Fixtures;

function startProductAndPayment(): Promise<SpawnedHost> {
  return spawnHost({
    CELLS: 'product,payment',
    PORT: String(port),
    LOG_LEVEL: 'info',
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: platform.executor.url,
    INNGEST_SYNC_ON_START: '1',
    AUTH_CELL_URL: platform.host.url,
    ORDER_CELL_URL: platform.host.url,
    SERVICE_TOKEN_SECRET: serviceSecret,
  });
}

beforeAll(async () => {
  await seedFileDatabases(); // the child process inherits the prefix through MONGODB_DB_PREFIX
  const elsewhere = `http://127.0.0.1:${port}`;
  platform = await startHostWithExecutor(['auth', 'order'], {
    env: {
      SERVICE_TOKEN_SECRET: serviceSecret,
      // Long enough for a paying shopper to outlast a restart (tsx start-up under load).
      ORDER_PAYMENT_TIMEOUT: '10s',
      PRODUCT_CELL_URL: elsewhere,
      PAYMENT_CELL_URL: elsewhere,
    },
  });
  cells = await startProductAndPayment();
  // Never leave the child behind on its fixed port, even if this run is killed.
  process.once('exit', () => cells?.process.kill('SIGKILL'));
  fx = await import('./support/order-fixtures');
}, 120_000);
afterAll(async () => {
  await cells?.stop();
  await platform?.stop();
});

async function restart(afterMs: number): Promise<void> {
  await cells?.stop('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  cells = await startProductAndPayment();
}

// How long an order may take to settle here. Usually seconds; but when a crash and a loaded
// machine outlast the saga's retries, what settles the order is `sweep-stale-orders`, which takes
// unsettled orders older than the payment timeout (10 s) plus its grace (2 min) on its next
// minute's tick: about 190 s. The guarantee under test is that every order settles consistently,
// not how fast; a run that needs the sweep is slow, not wrong.
const settleWithinMs = 200_000;
/** After the orders settled: compensation may still be retrying a call the crash cut off. */
const stockSettlesWithinMs = 90_000;

// This test found a real defect: under the whole suite's load a host killed between striking a
// SKU off a committed hold and moving its units left them reserved for good. Holds are now
// recorded on the inventory items and every movement is keyed by its hold (reservations.ts);
// inventory.test.ts "a crash half-way through moving units" holds each crash point.
it('ends every order CONFIRMED or CANCELLED, with stock and payments consistent, across crashes', async () => {
  const skus = await fx.stockedSkus(2, 50);
  const before = new Map(
    await Promise.all(skus.map(async (sku) => [sku, await fx.stockOf(sku)] as const)),
  );
  const placed = await Promise.all(
    Array.from({ length: 8 }, (_, index) =>
      fx.createTestOrder({ lines: [{ sku: skus[index % 2] ?? '', quantity: 1 + (index % 3) }] }),
    ),
  );
  // Crash 1: while the sagas reserve stock and start payments.
  await restart(500);

  // Half the shoppers pay; crash 2 right after, while payments settle and stock is committed.
  // What each was told is kept: it must agree with how their order ended.
  const paying = placed.slice(0, 4);
  const told = await Promise.all(
    paying.map((order) =>
      // The saga may take a while to recover from the crash on a loaded machine.
      fx.payWithTestCard(`http://127.0.0.1:${port}`, order.orderId, undefined, 60_000).then(
        (outcome) => outcome.status,
        (error: unknown) => {
          // Only an order cancelled before its pay form appeared may leave nothing to pay.
          if (/has no payment to confirm$/.test((error as Error).message)) return 'no pay form';
          throw error;
        },
      ),
    ),
  );
  await restart(300);

  // The other half never pay: their orders time out. Nothing stays PENDING.
  const orders = await Promise.all(
    placed.map((order) => fx.waitForOrder(order.orderId, fx.settled, settleWithinMs)),
  );
  // Every order accounted for: how it ended, why, and what its shopper was told.
  const accounts = orders.map((order, index) => ({
    order: index,
    told: index < 4 ? told[index] : 'did not pay',
    status: order.status,
    reason: order.cancellation?.code,
  }));
  const problems = accounts.filter((account) => !explained(account));
  expect(problems, JSON.stringify(accounts)).toEqual([]);
  // A cancelled order tells its shopper why.
  for (const order of orders.filter((current) => current.status === 'CANCELLED')) {
    expect(order.cancellation?.message).toMatch(/\S/);
  }

  // Stock: every confirmed unit left, everything else came back (compensation may still run).
  // Settling may still be retrying a call the crash cut off: on the engine's retry table (scaled
  // 1/200 in tests) the 8th retry comes ~24 s and the 9th ~42 s after the first failure, so on a
  // loaded machine a commit or release can land well after the order settled.
  const sold = new Map<string, number>();
  for (const order of orders.filter((current) => current.status === 'CONFIRMED')) {
    for (const line of order.lines) sold.set(line.sku, (sold.get(line.sku) ?? 0) + line.quantity);
  }
  for (const sku of skus) {
    const start = before.get(sku)!;
    const units = sold.get(sku) ?? 0;
    await expect
      .poll(() => fx.stockOf(sku), { timeout: stockSettlesWithinMs, interval: 250 })
      .toEqual({
        onHand: start.onHand - units,
        available: start.available - units,
        reserved: start.reserved,
      });
  }

  // Money: a confirmed order was captured in full; a cancelled one kept nothing.
  const { Payment } = paymentModels(await connectDomainDatabase('payment'));
  for (const order of orders) {
    const orderId = String(order._id);
    if (order.status === 'CONFIRMED') {
      const payment = await Payment.findOne({ orderId }).lean();
      expect(payment).toMatchObject({ status: 'succeeded', capturedMinor: order.totalMinor });
    } else {
      await expect
        .poll(
          async () => {
            const payment = await Payment.findOne({ orderId }).lean();
            return (payment?.capturedMinor ?? 0) - (payment?.refundedMinor ?? 0);
          },
          { timeout: stockSettlesWithinMs, interval: 250 },
        )
        .toBe(0);
    }
  }
}, 480_000);

/**
 * The outcomes the saga may give an order here, each with its reason:
 * - paid: CONFIRMED, or CANCELLED `payment_timeout` when the payment arrived after the stock hold
 *   lapsed during a crash (then refunded; the money check below holds it to that);
 * - told the payment failed (it was cancelled first) or left with no pay form: CANCELLED, timed out;
 * - never paid: CANCELLED `payment_timeout`.
 * `payment_failed` is the saga giving up on a cell through every retry, which a restart within the
 * retries must not cause.
 */
function explained(account: { told: string | undefined; status: string; reason?: string }) {
  const cancelledFor = (reason: string) =>
    account.status === 'CANCELLED' && account.reason === reason;
  switch (account.told) {
    case 'succeeded':
      return account.status === 'CONFIRMED' || cancelledFor('payment_timeout');
    case 'failed':
    case 'no pay form':
    case 'did not pay':
      return cancelledFor('payment_timeout');
    default:
      return false;
  }
}
