import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparedSpans } from '../src/cells/order/sales-summary';
import type { CellHost } from '../src/host';
import { clientOf, signInDemoAccounts, type CellClient } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * `order.salesSummary`, the merchant's home figures, over HTTP: which orders count as sales
 * (paid ones, net of refunds), the comparison with the same span before, one set of figures per
 * currency, what waits to be shipped, and who may read them.
 */

let host: CellHost;
type Client = CellClient;
const clients: Record<string, Client> = {};

/** Every order this file places, as stored (the seed's orders are removed first). */
const placed: {
  status: string;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  createdAt: Date;
}[] = [];

async function errorCode(call: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('expected the call to be refused');
  return (error.data as { code?: string } | undefined)?.code;
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'order']);
  clients.anonymous = clientOf(host.url);
  const accounts = await signInDemoAccounts(host.url, [
    'orders',
    'analyst',
    'catalog',
    'shopper',
    'admin',
  ]);
  for (const [name, { client }] of Object.entries(accounts)) clients[name] = client;

  // The orders: copies of a seeded order with the fields under test changed, written with the
  // driver so their placing times are kept as given.
  const { Order } = orderModels(await connectDomainDatabase('order'));
  const template = await Order.findOne().lean();
  if (!template) throw new Error('the seed placed no order to copy');
  await Order.deleteMany({});
  const spans = comparedSpans(new Date());
  const midpoint = (span: { from: Date; to: Date }) =>
    new Date((span.from.getTime() + span.to.getTime()) / 2);
  const today = midpoint(spans.today.current);
  const yesterday = midpoint(spans.today.previous);
  const lastWeek = midpoint(spans.week.previous);
  const lateYesterday = new Date(spans.today.current.from.getTime() - 1);
  const orders = [
    { status: 'CONFIRMED', totalMinor: 1000, refundedMinor: 0, currency: 'EUR', createdAt: today },
    {
      status: 'DELIVERED',
      totalMinor: 3000,
      refundedMinor: 500,
      currency: 'EUR',
      createdAt: today,
    },
    { status: 'CANCELLED', totalMinor: 9900, refundedMinor: 0, currency: 'EUR', createdAt: today },
    { status: 'PENDING', totalMinor: 5000, refundedMinor: 0, currency: 'EUR', createdAt: today },
    {
      status: 'SHIPPED',
      totalMinor: 2000,
      refundedMinor: 0,
      currency: 'EUR',
      createdAt: yesterday,
    },
    // Yesterday, but later in the day than now: not in "yesterday up to the same time".
    {
      status: 'CONFIRMED',
      totalMinor: 700,
      refundedMinor: 0,
      currency: 'EUR',
      createdAt: lateYesterday,
    },
    {
      status: 'PROCESSING',
      totalMinor: 4000,
      refundedMinor: 0,
      currency: 'EUR',
      createdAt: lastWeek,
    },
    { status: 'CONFIRMED', totalMinor: 1500, refundedMinor: 0, currency: 'USD', createdAt: today },
  ];
  const { _id: _ignored, number: _number, ...copied } = template;
  await Order.collection.insertMany(
    orders.map((order, index) => ({
      ...copied,
      ...order,
      number: `SO-TEST-${index}`,
      updatedAt: order.createdAt,
    })),
  );
  placed.push(...orders);
}, 60_000);
afterAll(() => stopTestHosts(host));

describe('order.salesSummary', () => {
  it("counts today's paid orders net of refunds against yesterday up to the same time", async () => {
    const summary = await clients.orders!.order.salesSummary.query();
    const euro = summary.currencies.find((each) => each.currency === 'EUR');
    // Cancelled and unpaid orders are not sales; the delivered order's refund is taken off.
    expect(euro?.today.current).toEqual({ orders: 2, salesMinor: 3500, averageOrderMinor: 1750 });
    expect(euro?.today.previous).toEqual({ orders: 1, salesMinor: 2000, averageOrderMinor: 2000 });
  });

  it('compares this week so far with last week up to the same time', async () => {
    const summary = await clients.orders!.order.salesSummary.query();
    const spans = comparedSpans(new Date(summary.asOf));
    const paid = new Set(['CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED']);
    const expected = (span: { from: Date; to: Date }) => {
      const within = placed.filter(
        (order) =>
          order.currency === 'EUR' &&
          paid.has(order.status) &&
          order.createdAt >= span.from &&
          order.createdAt < span.to,
      );
      const salesMinor = within.reduce(
        (sum, order) => sum + order.totalMinor - order.refundedMinor,
        0,
      );
      return { orders: within.length, salesMinor };
    };
    const euro = summary.currencies.find((each) => each.currency === 'EUR');
    expect(euro?.week.current).toMatchObject(expected(spans.week.current));
    expect(euro?.week.previous).toMatchObject(expected(spans.week.previous));
    // Last week's processing order is there whatever day of the week this runs.
    expect(euro?.week.previous.orders).toBeGreaterThanOrEqual(1);
  });

  it('keeps each currency apart, the largest this week first', async () => {
    const summary = await clients.analyst!.order.salesSummary.query();
    expect(summary.currencies.map((each) => each.currency)).toEqual(['EUR', 'USD']);
    expect(summary.currencies[1]?.today.current).toEqual({
      orders: 1,
      salesMinor: 1500,
      averageOrderMinor: 1500,
    });
  });

  it('says how many paid orders wait to be shipped, and since when', async () => {
    const summary = await clients.admin!.order.salesSummary.query();
    const waiting = placed.filter((order) => ['CONFIRMED', 'PROCESSING'].includes(order.status));
    expect(summary.awaitingShipment.count).toBe(waiting.length);
    const oldest = Math.min(...waiting.map((order) => order.createdAt.getTime()));
    expect(summary.awaitingShipment.oldestPlacedAt).toBe(new Date(oldest).toISOString());
  });

  it('is for staff who read orders only', async () => {
    expect(await errorCode(clients.anonymous!.order.salesSummary.query())).toBe('UNAUTHORIZED');
    expect(await errorCode(clients.shopper!.order.salesSummary.query())).toBe('FORBIDDEN');
    expect(await errorCode(clients.catalog!.order.salesSummary.query())).toBe('FORBIDDEN');
  });
});
