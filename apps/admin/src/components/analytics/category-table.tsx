import { Table } from '@shop/ui';
import { moneyList, percent } from './customer-tables';
import { nameCell } from './name-cell';
import type { TopCategoriesReport } from './report-types';

/**
 * Top categories: each product's primary category as it was when the sale or view was counted
 * (a product moved since still counts in its old category for those days).
 */
export function TopCategoriesTable({ report }: { report: TopCategoriesReport }) {
  return (
    <Table
      caption="Top categories by units sold"
      columns={[
        {
          key: 'name',
          header: 'Category',
          cell: (row) => row.name,
          rowHeader: true,
          className: nameCell,
        },
        { key: 'units', header: 'Units', align: 'end', cell: (row) => row.units },
        {
          key: 'revenue',
          header: 'Revenue',
          align: 'end',
          cell: (row) => moneyList(row.revenueMinor),
        },
        {
          key: 'views',
          header: 'Views',
          align: 'end',
          hideBelow: 'sm',
          cell: (row) => row.views,
        },
        {
          key: 'cart',
          header: 'Added to cart',
          align: 'end',
          hideBelow: 'md',
          cell: (row) => row.addToCart,
        },
        {
          key: 'viewRate',
          header: 'View → purchase',
          align: 'end',
          hideBelow: 'sm',
          cell: (row) => percent(row.viewToPurchaseRate),
        },
      ]}
      rows={report.rows}
      rowKey={(row) => row.category ?? '(none)'}
      empty="No category had views or sales in this range."
      framed
    />
  );
}
