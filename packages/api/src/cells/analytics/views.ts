import type { AbandonedCartsData } from './abandoned-carts';
import type { CustomersReportData } from './customer-cohorts';

/** What `analytics.summary` returns: the staff dashboard's numbers. */
export interface AnalyticsSummary {
  eventsLast24h: number;
  topSearches: { query: string; count: number }[];
}

/** One row of the top-searches aggregation: a normalised query and how often it was searched. */
export interface SearchCountRow {
  _id: string;
  count: number;
}

export function toAnalyticsSummary(
  eventsLast24h: number,
  topSearches: SearchCountRow[],
): AnalyticsSummary {
  return {
    eventsLast24h,
    topSearches: topSearches.map((row) => ({ query: row._id, count: row.count })),
  };
}

/** Sales of one period in one currency (minor units); `previous` is the period before. */
export interface SalesFigures {
  revenueMinor: number;
  orders: number;
  units: number;
  averageOrderMinor: number;
  refundsMinor: number;
  netMinor: number;
}

export interface SalesReport {
  timeZone: string;
  interval: 'day' | 'week' | 'month';
  rows: { period: string; currency: string; figures: SalesFigures }[];
  totals: { currency: string; current: SalesFigures; previous: SalesFigures }[];
  previousRange: { from: string; to: string };
  /**
   * Revenue per period for the chart, every period of the range (zero when nothing sold), with
   * the period at the same place in the previous range beside it; one list per currency.
   */
  series: SalesSeries[];
}

export interface SalesSeries {
  currency: string;
  points: {
    period: string;
    revenueMinor: number;
    orders: number;
    previousPeriod: string;
    previousRevenueMinor: number;
    previousOrders: number;
  }[];
}

export interface FunnelRow {
  segment: string;
  sessions: number;
  productViews: number;
  addToCart: number;
  checkout: number;
  /** Orders are known for the whole shop only (an order carries no browsing session). */
  orders: number | null;
}

export interface FunnelReport {
  timeZone: string;
  rows: FunnelRow[];
}

export interface TopProductsReport {
  timeZone: string;
  /**
   * Views and add-to-carts are events; the rates are per browsing session: of the sessions that
   * viewed the product (clicked it in search results), the share that then bought it.
   */
  mostViewed: {
    product: string;
    views: number;
    addToCart: number;
    /** Reviews shoppers wrote of the product (the storefront's `review_written`). */
    reviewsWritten: number;
    viewSessions: number;
    viewPurchases: number;
    viewToPurchaseRate: number | null;
    searchSessions: number;
    searchPurchases: number;
    searchToPurchaseRate: number | null;
  }[];
  bestSelling: { sku: string; name: string; units: number; revenueMinor: Record<string, number> }[];
}

export interface TopCategoriesReport {
  timeZone: string;
  rows: {
    /** The category's slug; null for facts whose product had no category. */
    category: string | null;
    name: string;
    /** Product page views and add-to-carts of products in it (events). */
    views: number;
    addToCart: number;
    /** Units sold and revenue per currency of order lines of its products. */
    units: number;
    revenueMinor: Record<string, number>;
    /** Sessions that viewed a product in it, those that then bought a product in it, the share. */
    viewSessions: number;
    viewPurchases: number;
    viewToPurchaseRate: number | null;
  }[];
}

export interface SearchReport {
  timeZone: string;
  totalSearches: number;
  /** Sessions that clicked a search result, and those that bought a product they clicked. */
  searchClickSessions: number;
  searchPurchaseSessions: number;
  searchToPurchaseRate: number | null;
  queries: { query: string; searches: number; zeroResults: number; clicks: number }[];
  zeroResult: { query: string; searches: number }[];
  noClicks: { query: string; searches: number }[];
}

export function salesFigures(counts: Record<string, number> | undefined): SalesFigures {
  const revenueMinor = counts?.revenueMinor ?? 0;
  const orders = counts?.orders ?? 0;
  const refundsMinor = counts?.refundsMinor ?? 0;
  return {
    revenueMinor,
    orders,
    units: counts?.units ?? 0,
    averageOrderMinor: orders > 0 ? Math.round(revenueMinor / orders) : 0,
    refundsMinor,
    netMinor: revenueMinor - refundsMinor,
  };
}

export type CustomersReport = { timeZone: string } & CustomersReportData;
export type AbandonedCartsReport = { timeZone: string } & AbandonedCartsData;
