import type { AnalyticsRollup, RollupCounts } from '@shop/db/analytics';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { storeAnalyticsSettings } from '../analytics-settings';
import type {
  FunnelReportInput,
  SalesReportInput,
  SearchReportInput,
  TopProductsReportInput,
} from '../inputs';
import { dayRollups } from '../read-rollups';
import { periodOf, periodsOf, previousRange } from '../report-periods';
import {
  salesFigures,
  type FunnelReport,
  type SalesReport,
  type SalesSeries,
  type SearchReport,
  type TopProductsReport,
} from '../views';

type Args<Input> = HandlerArgs<Input, SignedInContext>;

function addInto(target: RollupCounts, source: RollupCounts | undefined): void {
  for (const [key, value] of Object.entries(source ?? {})) target[key] = (target[key] ?? 0) + value;
}

/** Sums one field of every rollup: `{ [key]: counts }` maps merged key by key. */
export function mergeMaps(
  rollups: AnalyticsRollup[],
  field: 'sales' | 'funnel' | 'products' | 'categories' | 'searches',
): Record<string, RollupCounts> {
  const merged: Record<string, RollupCounts> = {};
  for (const rollup of rollups) {
    for (const [key, counts] of Object.entries(rollup[field] ?? {}))
      addInto((merged[key] ??= {}), counts);
  }
  return merged;
}

/** Revenue, orders, AOV, units, refunds and net by period and currency, with the period before. */
export async function salesReport({ input }: Args<SalesReportInput>): Promise<SalesReport> {
  const { timeZone } = await storeAnalyticsSettings();
  const before = previousRange(input.from, input.to);
  const [current, previous] = await Promise.all([
    dayRollups(timeZone, input.from, input.to),
    dayRollups(timeZone, before.from, before.to),
  ]);
  const byPeriod = salesByPeriod(current, input.interval);
  const previousByPeriod = salesByPeriod(previous, input.interval);
  const currentTotals = mergeMaps(current, 'sales');
  const previousTotals = mergeMaps(previous, 'sales');
  const currencies = [
    ...new Set([...Object.keys(currentTotals), ...Object.keys(previousTotals)]),
  ].sort();
  return {
    timeZone,
    interval: input.interval,
    previousRange: before,
    rows: [...byPeriod.entries()].flatMap(([period, sales]) =>
      Object.entries(sales)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, counts]) => ({ period, currency, figures: salesFigures(counts) })),
    ),
    totals: currencies.map((currency) => ({
      currency,
      current: salesFigures(currentTotals[currency]),
      previous: salesFigures(previousTotals[currency]),
    })),
    series: salesSeries(
      currencies,
      periodsOf(input.from, input.to, input.interval),
      periodsOf(before.from, before.to, input.interval),
      byPeriod,
      previousByPeriod,
    ),
  };
}

/** Sales counts per period, then per currency. */
function salesByPeriod(rollups: AnalyticsRollup[], interval: SalesReportInput['interval']) {
  const byPeriod = new Map<string, Record<string, RollupCounts>>();
  for (const rollup of rollups) {
    const period = periodOf(rollup.localStart, interval);
    const sales = byPeriod.get(period) ?? {};
    for (const [currency, counts] of Object.entries(rollup.sales ?? {})) {
      addInto((sales[currency] ??= {}), counts);
    }
    byPeriod.set(period, sales);
  }
  return byPeriod;
}

/** Every period of the range beside the period at the same place in the range before it. */
function salesSeries(
  currencies: string[],
  periods: string[],
  previousPeriods: string[],
  byPeriod: Map<string, Record<string, RollupCounts>>,
  previousByPeriod: Map<string, Record<string, RollupCounts>>,
): SalesSeries[] {
  return currencies.map((currency) => ({
    currency,
    points: periods.map((period, index) => {
      const previousPeriod = previousPeriods[index] ?? '';
      const now = byPeriod.get(period)?.[currency];
      const before = previousByPeriod.get(previousPeriod)?.[currency];
      return {
        period,
        revenueMinor: now?.revenueMinor ?? 0,
        orders: now?.orders ?? 0,
        previousPeriod,
        previousRevenueMinor: before?.revenueMinor ?? 0,
        previousOrders: before?.orders ?? 0,
      };
    }),
  }));
}

const funnelSegmentOrder = (segment: string) =>
  segment === 'all' ? '0' : segment.startsWith('device:') ? `1${segment}` : `2${segment}`;

/** Sessions -> product views -> add to cart -> checkout -> order, overall, by device and source. */
export async function funnelReport({ input }: Args<FunnelReportInput>): Promise<FunnelReport> {
  const { timeZone } = await storeAnalyticsSettings();
  const funnel = mergeMaps(await dayRollups(timeZone, input.from, input.to), 'funnel');
  return {
    timeZone,
    rows: Object.entries(funnel)
      .sort(([a], [b]) => funnelSegmentOrder(a).localeCompare(funnelSegmentOrder(b)))
      .map(([segment, counts]) => ({
        segment,
        sessions: counts.sessions ?? 0,
        productViews: counts.productViews ?? 0,
        addToCart: counts.addToCart ?? 0,
        checkout: counts.checkout ?? 0,
        orders: segment === 'all' ? (counts.orders ?? 0) : null,
      })),
  };
}

export const topCount = 20;

/** A share as a fraction rounded to 4 places; null when nothing was there to share. */
export function rateOf(part: number | undefined, whole: number | undefined): number | null {
  if (!whole) return null;
  return Math.round(((part ?? 0) / whole) * 10_000) / 10_000;
}

/** `{ 'revenueMinor:EUR': 100 }` counts as `{ EUR: 100 }`. */
export function revenueByCurrency(counts: RollupCounts): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([field]) => field.startsWith('revenueMinor:'))
      .map(([field, value]) => [field.slice('revenueMinor:'.length), value]),
  );
}

/** Most viewed products (by page) and best sellers (by SKU, units and revenue per currency). */
export async function topProductsReport({
  input,
}: Args<TopProductsReportInput>): Promise<TopProductsReport> {
  const { timeZone } = await storeAnalyticsSettings();
  const rollups = await dayRollups(timeZone, input.from, input.to);
  const products = mergeMaps(rollups, 'products');
  const names = Object.assign({}, ...rollups.map((rollup) => rollup.productNames ?? {})) as Record<
    string,
    string
  >;
  const entries = Object.entries(products);
  return {
    timeZone,
    mostViewed: entries
      .filter(([key]) => key.startsWith('slug:'))
      .map(([key, counts]) => ({
        product: key.slice(5),
        views: counts.views ?? 0,
        addToCart: counts.addToCart ?? 0,
        reviewsWritten: counts.reviewsWritten ?? 0,
        viewSessions: counts.viewSessions ?? 0,
        viewPurchases: counts.viewPurchases ?? 0,
        viewToPurchaseRate: rateOf(counts.viewPurchases, counts.viewSessions),
        searchSessions: counts.searchSessions ?? 0,
        searchPurchases: counts.searchPurchases ?? 0,
        searchToPurchaseRate: rateOf(counts.searchPurchases, counts.searchSessions),
      }))
      .sort((a, b) => b.views - a.views || a.product.localeCompare(b.product))
      .slice(0, topCount),
    bestSelling: entries
      .filter(([key]) => key.startsWith('sku:'))
      .map(([key, counts]) => ({
        sku: key.slice(4),
        name: names[key] ?? key.slice(4),
        units: counts.units ?? 0,
        revenueMinor: revenueByCurrency(counts),
      }))
      .sort((a, b) => b.units - a.units || a.sku.localeCompare(b.sku))
      .slice(0, topCount),
  };
}

/** Top queries, queries that found nothing, and queries whose results nobody clicked. */
export async function searchReport({ input }: Args<SearchReportInput>): Promise<SearchReport> {
  const { timeZone } = await storeAnalyticsSettings();
  const rollups = await dayRollups(timeZone, input.from, input.to);
  const queries = Object.entries(mergeMaps(rollups, 'searches'))
    .map(([query, counts]) => ({
      query,
      searches: counts.searches ?? 0,
      zeroResults: counts.zeroResults ?? 0,
      clicks: counts.clicks ?? 0,
    }))
    .filter((row) => row.searches > 0)
    .sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query));
  const total = (key: string) =>
    rollups.reduce((sum, rollup) => sum + (rollup.totals?.[key] ?? 0), 0);
  return {
    timeZone,
    totalSearches: total('searches'),
    searchClickSessions: total('searchClickSessions'),
    searchPurchaseSessions: total('searchPurchaseSessions'),
    searchToPurchaseRate: rateOf(total('searchPurchaseSessions'), total('searchClickSessions')),
    queries: queries.slice(0, topCount),
    zeroResult: queries
      .filter((row) => row.zeroResults > 0)
      .map((row) => ({ query: row.query, searches: row.zeroResults }))
      .slice(0, topCount),
    noClicks: queries
      .filter((row) => row.zeroResults < row.searches && row.clicks === 0)
      .map((row) => ({ query: row.query, searches: row.searches }))
      .slice(0, topCount),
  };
}
