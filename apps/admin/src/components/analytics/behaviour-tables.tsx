import { Table, type TableColumn } from '@shop/ui';
import { percent } from './customer-tables';
import { nameCell } from './name-cell';
import type { FunnelReport, SearchReport, TopProductsReport } from './report-types';

type FunnelRow = FunnelReport['rows'][number];

/** "62 (41%)": a step's count and its share of the step before. */
function step(count: number, before: number): string {
  return before > 0 ? `${count} (${Math.round((count / before) * 100)}%)` : String(count);
}

const segmentName = (segment: string) =>
  segment === 'all'
    ? 'All sessions'
    : segment.replace('device:', 'Device: ').replace('source:', 'Source: ');

const funnelColumns: TableColumn<FunnelRow>[] = [
  { key: 'segment', header: 'Segment', cell: (row) => segmentName(row.segment), rowHeader: true },
  { key: 'sessions', header: 'Sessions', align: 'end', cell: (row) => row.sessions },
  {
    key: 'views',
    header: 'Product views',
    align: 'end',
    cell: (row) => step(row.productViews, row.sessions),
  },
  {
    key: 'cart',
    header: 'Add to cart',
    align: 'end',
    cell: (row) => step(row.addToCart, row.productViews),
  },
  {
    key: 'checkout',
    header: 'Checkout',
    align: 'end',
    cell: (row) => step(row.checkout, row.addToCart),
  },
  {
    key: 'orders',
    header: 'Orders',
    align: 'end',
    cell: (row) => (row.orders === null ? '—' : step(row.orders, row.checkout)),
  },
];

/** The whole shop's funnel as steps, for the chart (the table shows every segment). */
export function funnelSteps(report: FunnelReport): { step: string; count: number }[] {
  const all = report.rows.find((row) => row.segment === 'all');
  return [
    { step: 'Sessions', count: all?.sessions ?? 0 },
    { step: 'Product views', count: all?.productViews ?? 0 },
    { step: 'Add to cart', count: all?.addToCart ?? 0 },
    { step: 'Checkout', count: all?.checkout ?? 0 },
    { step: 'Orders', count: all?.orders ?? 0 },
  ];
}

export function FunnelTable({ report }: { report: FunnelReport }) {
  // Orders placed without a browsing session (through the API) make an "all" row of 0 sessions:
  // a funnel of no sessions, said as such (the orders are in the sales report and the CSV).
  const rows = report.rows.some((row) => row.sessions > 0) ? report.rows : [];
  return (
    <Table
      caption="Conversion funnel: sessions reaching each step (share of the step before)"
      columns={funnelColumns}
      rows={rows}
      rowKey={(row) => row.segment}
      empty="No sessions in this range."
      framed
    />
  );
}

export function TopProductsTables({ report }: { report: TopProductsReport }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Table
        caption="Most viewed products"
        captionVisible
        columns={[
          {
            key: 'product',
            header: 'Product page',
            cell: (row) => row.product,
            rowHeader: true,
            className: nameCell,
          },
          { key: 'views', header: 'Views', align: 'end', cell: (row) => row.views },
          {
            key: 'cart',
            header: 'Added to cart',
            align: 'end',
            hideBelow: 'sm',
            cell: (row) => row.addToCart,
          },
          {
            key: 'reviews',
            header: 'Reviews written',
            align: 'end',
            hideBelow: 'md',
            cell: (row) => row.reviewsWritten,
          },
          {
            key: 'viewRate',
            header: 'View → purchase',
            align: 'end',
            cell: (row) => percent(row.viewToPurchaseRate),
          },
          {
            key: 'searchRate',
            header: 'Search → purchase',
            align: 'end',
            hideBelow: 'md',
            cell: (row) => percent(row.searchToPurchaseRate),
          },
        ]}
        rows={report.mostViewed}
        rowKey={(row) => row.product}
        empty="No product views in this range."
        framed
      />
      <Table
        caption="Best sellers"
        captionVisible
        columns={[
          {
            key: 'name',
            header: 'Product',
            cell: (row) => `${row.name} (${row.sku})`,
            rowHeader: true,
            className: nameCell,
          },
          { key: 'units', header: 'Units', align: 'end', cell: (row) => row.units },
        ]}
        rows={report.bestSelling}
        rowKey={(row) => row.sku}
        empty="No sales in this range."
        framed
      />
    </div>
  );
}

export function SearchTables({ report }: { report: SearchReport }) {
  // A heading of its own: an empty list shows only its message, and must still say which list.
  const list = (caption: string, rows: { query: string; searches: number }[], empty: string) => (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold text-ink">{caption}</h3>
      <Table
        aria-label={caption}
        columns={[
          { key: 'query', header: 'Query', cell: (row) => row.query, rowHeader: true },
          { key: 'searches', header: 'Searches', align: 'end', cell: (row) => row.searches },
        ]}
        rows={rows}
        rowKey={(row) => row.query}
        empty={empty}
        framed
      />
    </div>
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted" data-testid="search-to-purchase">
        Search to purchase: {percent(report.searchToPurchaseRate)} of the{' '}
        {report.searchClickSessions} sessions that clicked a search result bought a product they
        clicked.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        {list('Top queries', report.queries, 'No searches in this range.')}
        {list('Found nothing', report.zeroResult, 'Every search found something.')}
        {list('Results but no clicks', report.noClicks, 'None.')}
      </div>
    </div>
  );
}
