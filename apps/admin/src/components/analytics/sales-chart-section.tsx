import { formatMoney, minorUnitDigits } from '@shop/money';
import { Table } from '@shop/ui';
import { SalesChart } from './report-charts';
import type { SalesReport } from './report-types';

type Series = SalesReport['series'][number];

/** The currency with the most revenue this period: the chart shows one currency's amounts. */
function mainSeries(report: SalesReport): Series | undefined {
  const revenue = (series: Series) =>
    series.points.reduce((sum, point) => sum + point.revenueMinor + point.previousRevenueMinor, 0);
  return [...report.series].sort((a, b) => revenue(b) - revenue(a))[0];
}

/**
 * Revenue over time against the previous period: a line chart (hidden from assistive tech) and
 * a table of the same numbers, one row per period beside the period it is compared with.
 */
export function SalesChartSection({ report }: { report: SalesReport }) {
  const series = mainSeries(report);
  if (!series) return null;
  const major = (minor: number) => minor / 10 ** minorUnitDigits(series.currency);
  const money = (minor: number) => formatMoney(minor, series.currency);
  return (
    <div className="flex flex-col gap-3">
      <SalesChart
        points={series.points.map((point) => ({
          period: point.period,
          revenue: major(point.revenueMinor),
          previousRevenue: major(point.previousRevenueMinor),
        }))}
      />
      <Table
        caption={`Revenue in ${series.currency} by ${report.interval}, against the previous period`}
        columns={[
          { key: 'period', header: 'Period', cell: (point) => point.period, rowHeader: true },
          {
            key: 'revenue',
            header: 'Revenue',
            align: 'end',
            cell: (point) => money(point.revenueMinor),
          },
          {
            key: 'previousPeriod',
            header: 'Compared with',
            hideBelow: 'sm',
            cell: (point) => point.previousPeriod,
          },
          {
            key: 'previousRevenue',
            header: 'Previous revenue',
            align: 'end',
            cell: (point) => money(point.previousRevenueMinor),
          },
        ]}
        rows={series.points}
        rowKey={(point) => point.period}
        empty="No orders in this range."
        framed
        data-testid="sales-series"
      />
    </div>
  );
}
