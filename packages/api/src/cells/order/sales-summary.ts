import type { OrderStatus } from '@shop/db/order';
import { orderDatabase } from './order-transitions';
import type {
  CurrencySales,
  SalesComparison,
  SalesFigures,
  SalesSummary,
} from './views/sales-summary';

/** Orders that count as sales: paid, whatever became of them since (refunds are subtracted). */
export const paidStatuses: readonly OrderStatus[] = [
  'CONFIRMED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
];
/** Paid and still to be shipped. */
const awaitingShipmentStatuses: readonly OrderStatus[] = ['CONFIRMED', 'PROCESSING'];

const dayMs = 24 * 60 * 60 * 1000;

interface Span {
  from: Date;
  to: Date;
}

/** The four spans the home compares, in UTC: today and this week so far, each against the last. */
export function comparedSpans(
  now: Date,
): Record<'today' | 'week', { current: Span; previous: Span }> {
  const todayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  // getUTCDay: Sunday 0; weeks start on Monday (ISO 8601).
  const weekStart = new Date(todayStart.getTime() - ((todayStart.getUTCDay() + 6) % 7) * dayMs);
  const back = (span: Span, ms: number): Span => ({
    from: new Date(span.from.getTime() - ms),
    to: new Date(span.to.getTime() - ms),
  });
  const today = { from: todayStart, to: now };
  const week = { from: weekStart, to: now };
  return {
    today: { current: today, previous: back(today, dayMs) },
    week: { current: week, previous: back(week, 7 * dayMs) },
  };
}

interface CurrencyTotals {
  _id: string;
  orders: number;
  totalMinor: number;
  refundedMinor: number;
}

/** Paid orders placed in `span`, totalled per currency. */
async function totalsIn(span: Span): Promise<Map<string, SalesFigures>> {
  const { Order } = await orderDatabase.models();
  const rows = await Order.aggregate<CurrencyTotals>([
    {
      $match: {
        status: { $in: paidStatuses },
        createdAt: { $gte: span.from, $lt: span.to },
      },
    },
    {
      $group: {
        _id: '$currency',
        orders: { $sum: 1 },
        totalMinor: { $sum: '$totalMinor' },
        refundedMinor: { $sum: '$refundedMinor' },
      },
    },
  ]);
  return new Map(
    rows.map((row) => [row._id, figures(row.orders, row.totalMinor - row.refundedMinor)]),
  );
}

function figures(orders: number, salesMinor: number): SalesFigures {
  // Integer minor units: round half up, never a fraction of a cent.
  const averageOrderMinor = orders === 0 ? 0 : Math.floor((salesMinor * 2 + orders) / (orders * 2));
  return { orders, salesMinor, averageOrderMinor };
}

const none = figures(0, 0);

/** The merchant's home figures at `now` (from the orders this cell owns, nothing cached). */
export async function salesSummaryAt(now: Date): Promise<SalesSummary> {
  const spans = comparedSpans(now);
  const [today, yesterday, week, lastWeek] = await Promise.all([
    totalsIn(spans.today.current),
    totalsIn(spans.today.previous),
    totalsIn(spans.week.current),
    totalsIn(spans.week.previous),
  ]);
  const compare = (
    current: Map<string, SalesFigures>,
    previous: Map<string, SalesFigures>,
    currency: string,
  ): SalesComparison => ({
    current: current.get(currency) ?? none,
    previous: previous.get(currency) ?? none,
  });
  const currencies: CurrencySales[] = [...new Set([...week.keys(), ...lastWeek.keys()])]
    .map((currency) => ({
      currency,
      today: compare(today, yesterday, currency),
      week: compare(week, lastWeek, currency),
    }))
    .sort(
      (a, b) =>
        b.week.current.salesMinor - a.week.current.salesMinor ||
        a.currency.localeCompare(b.currency),
    );

  const { Order } = await orderDatabase.models();
  const waiting = { status: { $in: awaitingShipmentStatuses } };
  const [count, oldest] = await Promise.all([
    Order.countDocuments(waiting),
    Order.findOne(waiting, { createdAt: 1 }).sort({ createdAt: 1 }).lean<{ createdAt: Date }>(),
  ]);
  return {
    asOf: now.toISOString(),
    currencies,
    awaitingShipment: { count, oldestPlacedAt: oldest?.createdAt.toISOString() ?? null },
  };
}
