import { formatMoney } from '@shop/money';
import { Table, type TableColumn } from '@shop/ui';
import type { SalesReport } from './report-types';

type SalesRow = SalesReport['rows'][number];
type TotalRow = SalesReport['totals'][number];

const money = (minor: number, currency: string) => formatMoney(minor, currency);

const periodColumns: TableColumn<SalesRow>[] = [
  { key: 'period', header: 'Period', cell: (row) => row.period, rowHeader: true },
  { key: 'currency', header: 'Currency', cell: (row) => row.currency, hideBelow: 'sm' },
  {
    key: 'revenue',
    header: 'Revenue',
    align: 'end',
    cell: (row) => money(row.figures.revenueMinor, row.currency),
  },
  { key: 'orders', header: 'Orders', align: 'end', cell: (row) => row.figures.orders },
  {
    key: 'aov',
    header: 'Avg. order',
    align: 'end',
    hideBelow: 'md',
    cell: (row) => money(row.figures.averageOrderMinor, row.currency),
  },
  {
    key: 'units',
    header: 'Units',
    align: 'end',
    hideBelow: 'md',
    cell: (row) => row.figures.units,
  },
  {
    key: 'refunds',
    header: 'Refunds',
    align: 'end',
    hideBelow: 'lg',
    cell: (row) => money(row.figures.refundsMinor, row.currency),
  },
  {
    key: 'net',
    header: 'Net',
    align: 'end',
    cell: (row) => money(row.figures.netMinor, row.currency),
  },
];

const totalColumns: TableColumn<TotalRow>[] = [
  { key: 'currency', header: 'Currency', cell: (row) => row.currency, rowHeader: true },
  {
    key: 'revenue',
    header: 'Revenue',
    align: 'end',
    cell: (row) => money(row.current.revenueMinor, row.currency),
  },
  {
    key: 'previous',
    header: 'Previous period',
    align: 'end',
    cell: (row) => money(row.previous.revenueMinor, row.currency),
  },
  {
    key: 'orders',
    header: 'Orders (prev.)',
    align: 'end',
    cell: (row) => `${row.current.orders} (${row.previous.orders})`,
  },
  {
    key: 'aov',
    header: 'Avg. order',
    align: 'end',
    hideBelow: 'md',
    cell: (row) => money(row.current.averageOrderMinor, row.currency),
  },
  {
    key: 'net',
    header: 'Net',
    align: 'end',
    cell: (row) => money(row.current.netMinor, row.currency),
  },
];

export function SalesTables({ report }: { report: SalesReport }) {
  // Both tables would say it; once is enough.
  if (report.totals.length === 0 && report.rows.length === 0) {
    return <p className="text-sm text-ink-muted">No orders in this range.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <Table
        caption={`Sales totals against ${report.previousRange.from} to ${report.previousRange.to}`}
        columns={totalColumns}
        rows={report.totals}
        rowKey={(row) => row.currency}
        empty="No orders in this range."
        framed
        data-testid="sales-totals"
      />
      <Table
        caption={`Sales by ${report.interval}`}
        columns={periodColumns}
        rows={report.rows}
        rowKey={(row) => `${row.period} ${row.currency}`}
        empty="No orders in this range."
        framed
        data-testid="sales-rows"
      />
    </div>
  );
}
