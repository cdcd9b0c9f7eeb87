import { orderStatuses } from '@shop/db/order';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../../observability/metrics';
import { orderDatabase } from './database';
import { orderPaymentTimeout } from './saga/payment-timeout';

/** Statuses an order passes through on its way to being settled; it should not stay there. */
const unsettled = ['PENDING', 'PAYMENT_PROCESSING'] as const;
/** The sweep cancels an order 2 minutes past its payment timeout and runs every minute. */
const stuckAfterTimeoutMs = 5 * 60_000;
/** Counting every order at each scrape would be a collection scan; a scrape within this reuses. */
const cacheMs = 15_000;

function durationMs(duration: string): number {
  const amount = Number.parseInt(duration, 10);
  const unit = duration.at(-1);
  return amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1_000);
}

interface OrderStateSnapshot {
  byStatus: Map<string, number>;
  stuck: Map<string, number>;
  oldestAgeSeconds: Map<string, number>;
}

async function readOrderStates(): Promise<OrderStateSnapshot> {
  const { Order } = await orderDatabase.models();
  const now = Date.now();
  const stuckBefore = new Date(now - durationMs(orderPaymentTimeout()) - stuckAfterTimeoutMs);
  const [counts, stuck, oldest] = await Promise.all([
    Order.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }]),
    Order.aggregate<{ _id: string; n: number }>([
      { $match: { status: { $in: unsettled }, createdAt: { $lt: stuckBefore } } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]),
    Order.aggregate<{ _id: string; first: Date }>([
      { $match: { status: { $in: unsettled } } },
      { $group: { _id: '$status', first: { $min: '$createdAt' } } },
    ]),
  ]);
  return {
    byStatus: new Map(counts.map((row) => [row._id, row.n])),
    stuck: new Map(stuck.map((row) => [row._id, row.n])),
    oldestAgeSeconds: new Map(
      oldest.map((row) => [row._id, Math.max(0, (now - row.first.getTime()) / 1000)]),
    ),
  };
}

let registered = false;

/**
 * Gauges read from the order database at scrape time: orders by status, and orders stuck in
 * PENDING / PAYMENT_PROCESSING (older than the payment timeout plus 5 minutes: the sweep should
 * have settled them). Every order-cell replica reports the same numbers: queries take `max`.
 */
export function registerOrderStateMetrics(): void {
  if (registered) return;
  registered = true;
  let cached: { atMs: number; snapshot: Promise<OrderStateSnapshot> } | undefined;
  const snapshot = () => {
    if (!cached || Date.now() - cached.atMs > cacheMs) {
      const reading = readOrderStates();
      cached = { atMs: Date.now(), snapshot: reading };
      // A failed read is not kept: the next scrape asks again.
      reading.catch(() => (cached = undefined));
    }
    return cached.snapshot;
  };
  const registers = [metricsRegistry];
  new Gauge({
    name: 'shop_orders',
    help: 'Orders in the database by status (read at scrape time)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const { byStatus } = await snapshot();
      for (const status of orderStatuses) this.labels(status).set(byStatus.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'shop_orders_stuck',
    help: 'Orders still PENDING or PAYMENT_PROCESSING 5 minutes past their payment timeout',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const { stuck } = await snapshot();
      for (const status of unsettled) this.labels(status).set(stuck.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'shop_orders_oldest_unsettled_age_seconds',
    help: 'Age of the oldest order still PENDING or PAYMENT_PROCESSING (0: none)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const { oldestAgeSeconds } = await snapshot();
      for (const status of unsettled) this.labels(status).set(oldestAgeSeconds.get(status) ?? 0);
    },
  });
}
