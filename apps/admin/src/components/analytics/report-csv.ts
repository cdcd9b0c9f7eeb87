import { csvText } from './csv-text';
import type { FunnelReport, SalesReport, SearchReport, TopProductsReport } from './report-types';

/** Amounts stay in minor units with their currency: a spreadsheet adds them up exactly. */
export function salesCsv(report: SalesReport): string {
  return csvText(
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
  );
}

export function funnelCsv(report: FunnelReport): string {
  return csvText(
    ['segment', 'sessions', 'product_views', 'add_to_cart', 'checkout', 'orders'],
    report.rows.map((row) => [
      row.segment,
      row.sessions,
      row.productViews,
      row.addToCart,
      row.checkout,
      row.orders,
    ]),
  );
}

export function topProductsCsv(report: TopProductsReport): string {
  return csvText(
    ['list', 'product', 'name', 'views', 'add_to_cart', 'units', 'revenue_minor_by_currency'],
    [
      ...report.mostViewed.map((row) => [
        'most_viewed',
        row.product,
        '',
        row.views,
        row.addToCart,
        null,
        null,
      ]),
      ...report.bestSelling.map((row) => [
        'best_selling',
        row.sku,
        row.name,
        null,
        null,
        row.units,
        Object.entries(row.revenueMinor)
          .map(([currency, minor]) => `${currency} ${minor}`)
          .join('; '),
      ]),
    ],
  );
}

export function searchCsv(report: SearchReport): string {
  return csvText(
    ['query', 'searches', 'zero_results', 'clicks'],
    report.queries.map((row) => [row.query, row.searches, row.zeroResults, row.clicks]),
  );
}
