import { csvText } from './csv-text';
import type {
  AbandonedCartsReport,
  CustomersReport,
  FunnelReport,
  SalesReport,
  SearchReport,
  TopCategoriesReport,
  TopProductsReport,
} from './report-types';

type Range = { from: string; to: string };
type Cell = string | number | null;

/**
 * Every row also says the range and the store's time zone it was counted in, so a file read
 * on its own (or pasted into another sheet) still says which days it covers. Amounts stay in
 * minor units with their currency: a spreadsheet adds them up exactly.
 */
function reportCsv(header: string[], rows: Cell[][], range: Range, timeZone: string): string {
  return csvText(
    [...header, 'range_from', 'range_to', 'time_zone'],
    rows.map((row) => [...row, range.from, range.to, timeZone]),
  );
}

export function salesCsv(report: SalesReport, range: Range): string {
  return reportCsv(
    [
      'period',
      'currency',
      'revenue_minor',
      'orders',
      'units',
      'average_order_minor',
      'refunds_minor',
      'net_minor',
    ],
    report.rows.map(({ period, currency, figures }) => [
      period,
      currency,
      figures.revenueMinor,
      figures.orders,
      figures.units,
      figures.averageOrderMinor,
      figures.refundsMinor,
      figures.netMinor,
    ]),
    range,
    report.timeZone,
  );
}

export function funnelCsv(report: FunnelReport, range: Range): string {
  return reportCsv(
    ['segment', 'sessions', 'product_views', 'add_to_cart', 'checkout', 'orders'],
    report.rows.map((row) => [
      row.segment,
      row.sessions,
      row.productViews,
      row.addToCart,
      row.checkout,
      row.orders,
    ]),
    range,
    report.timeZone,
  );
}

export function topProductsCsv(report: TopProductsReport, range: Range): string {
  return reportCsv(
    [
      'list',
      'product',
      'name',
      'views',
      'add_to_cart',
      'reviews_written',
      'view_to_purchase_rate',
      'search_to_purchase_rate',
      'units',
      'revenue_minor_by_currency',
    ],
    [
      ...report.mostViewed.map((row) => [
        'most_viewed',
        row.product,
        '',
        row.views,
        row.addToCart,
        row.reviewsWritten,
        row.viewToPurchaseRate,
        row.searchToPurchaseRate,
        null,
        null,
      ]),
      ...report.bestSelling.map((row) => [
        'best_selling',
        row.sku,
        row.name,
        null,
        null,
        null,
        null,
        null,
        row.units,
        Object.entries(row.revenueMinor)
          .map(([currency, minor]) => `${currency} ${minor}`)
          .join('; '),
      ]),
    ],
    range,
    report.timeZone,
  );
}

export function topCategoriesCsv(report: TopCategoriesReport, range: Range): string {
  return reportCsv(
    [
      'category',
      'name',
      'units',
      'revenue_minor_by_currency',
      'views',
      'add_to_cart',
      'view_sessions',
      'view_purchases',
      'view_to_purchase_rate',
    ],
    report.rows.map((row) => [
      row.category ?? '',
      row.name,
      row.units,
      Object.entries(row.revenueMinor)
        .map(([currency, minor]) => `${currency} ${minor}`)
        .join('; '),
      row.views,
      row.addToCart,
      row.viewSessions,
      row.viewPurchases,
      row.viewToPurchaseRate,
    ]),
    range,
    report.timeZone,
  );
}

export function searchCsv(report: SearchReport, range: Range): string {
  return reportCsv(
    ['query', 'searches', 'zero_results', 'clicks'],
    report.queries.map((row) => [row.query, row.searches, row.zeroResults, row.clicks]),
    range,
    report.timeZone,
  );
}

/** Two blocks in one file: the new/returning split, then one row per cohort and month. */
export function customersCsv(report: CustomersReport, range: Range): string {
  return reportCsv(
    ['measure', 'cohort', 'month_offset', 'customers', 'orders'],
    [
      ['new_customers', null, null, report.newCustomers, report.newCustomerOrders],
      [
        'returning_customers',
        null,
        null,
        report.returningCustomers,
        report.returningCustomerOrders,
      ],
      ['guest_orders', null, null, null, report.guestOrders],
      ...report.cohorts.flatMap((cohort) =>
        cohort.activeByMonth.map((active, offset) => [
          'cohort_active',
          cohort.cohort,
          offset,
          active,
          null,
        ]),
      ),
    ],
    range,
    report.timeZone,
  );
}

export function abandonedCartsCsv(report: AbandonedCartsReport, range: Range): string {
  const value = (byCurrency: Record<string, number>) =>
    Object.entries(byCurrency)
      .map(([currency, minor]) => `${currency} ${minor}`)
      .join('; ');
  return reportCsv(
    [
      'day',
      'abandoned',
      'recovered',
      'value_minor_by_currency',
      'recovered_value_minor_by_currency',
    ],
    [
      ...report.days.map((day) => [day.day, day.abandoned, day.recovered, null, null]),
      [
        'total',
        report.abandoned,
        report.recovered,
        value(report.valueMinor),
        value(report.recoveredValueMinor),
      ],
    ],
    range,
    report.timeZone,
  );
}
