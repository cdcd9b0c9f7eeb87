import { formatMoney } from '@shop/money';
import { Table } from '@shop/ui';
import type { AbandonedCartsReport, CustomersReport } from './report-types';

/** "42%", or "—" when there was nothing to take a share of. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** Amounts per currency as one text, e.g. "€12.00, $3.00" (zero euros when there are none). */
export const moneyList = (byCurrency: Record<string, number>) =>
  Object.entries(byCurrency)
    .map(([currency, minor]) => formatMoney(minor, currency))
    .join(', ') || formatMoney(0, 'EUR');

/** New versus returning customers, then each cohort's customers active month by month. */
export function CustomerTables({ report }: { report: CustomersReport }) {
  const split = [
    {
      kind: 'New customers',
      customers: report.newCustomers,
      orders: report.newCustomerOrders,
    },
    {
      kind: 'Returning customers',
      customers: report.returningCustomers,
      orders: report.returningCustomerOrders,
    },
    { kind: 'Guest orders', customers: null, orders: report.guestOrders },
  ];
  const months = Math.max(0, ...report.cohorts.map((cohort) => cohort.activeByMonth.length));
  return (
    <div className="flex flex-col gap-4">
      <Table
        caption="New and returning customers (by their first order ever)"
        captionVisible
        columns={[
          { key: 'kind', header: 'Customers', cell: (row) => row.kind, rowHeader: true },
          {
            key: 'customers',
            header: 'Customers',
            align: 'end',
            cell: (row) => row.customers ?? '—',
          },
          { key: 'orders', header: 'Orders', align: 'end', cell: (row) => row.orders },
        ]}
        rows={split}
        rowKey={(row) => row.kind}
        framed
        data-testid="customers-split"
      />
      <Table
        caption="Cohorts by month of first order: customers ordering again in each later month"
        captionVisible
        columns={[
          { key: 'cohort', header: 'First order', cell: (row) => row.cohort, rowHeader: true },
          { key: 'customers', header: 'Customers', align: 'end', cell: (row) => row.customers },
          ...Array.from({ length: months }, (_, offset) => ({
            key: `month-${offset}`,
            header: offset === 0 ? 'Month 0' : `+${offset}`,
            align: 'end' as const,
            cell: (row: CustomersReport['cohorts'][number]) => {
              const active = row.activeByMonth[offset];
              return active === undefined
                ? ''
                : `${active} (${percent(row.customers ? active / row.customers : null)})`;
            },
          })),
        ]}
        rows={report.cohorts}
        rowKey={(row) => row.cohort}
        empty="No first orders in this range."
        framed
        data-testid="customers-cohorts"
      />
    </div>
  );
}

/** Carts left with items in them, what they held, and those their browser bought within 7 days. */
export function AbandonedCartTables({ report }: { report: AbandonedCartsReport }) {
  return (
    <div className="flex flex-col gap-4">
      <Table
        caption="Abandoned carts in this range"
        columns={[
          { key: 'what', header: 'Carts', cell: (row) => row.what, rowHeader: true },
          { key: 'count', header: 'Count', align: 'end', cell: (row) => row.count },
          { key: 'value', header: 'Value', align: 'end', cell: (row) => row.value },
        ]}
        rows={[
          { what: 'Abandoned', count: report.abandoned, value: moneyList(report.valueMinor) },
          {
            what: 'Recovered within 7 days',
            count: report.recovered,
            value: moneyList(report.recoveredValueMinor),
          },
        ]}
        rowKey={(row) => row.what}
        framed
        data-testid="carts-totals"
      />
      <Table
        caption="Abandoned carts by day of the last change"
        columns={[
          { key: 'day', header: 'Day', cell: (row) => row.day, rowHeader: true },
          { key: 'abandoned', header: 'Abandoned', align: 'end', cell: (row) => row.abandoned },
          { key: 'recovered', header: 'Recovered', align: 'end', cell: (row) => row.recovered },
        ]}
        rows={report.days}
        rowKey={(row) => row.day}
        empty="No carts were left in this range."
        framed
      />
    </div>
  );
}
