import type { RouterOutputs } from '@shop/api/client';
import { formatMoney } from '@shop/money';
import { Table, type TableColumn } from '@shop/ui';

/** What the table shows of an order as the order cell answers it (`order.get`). */
export type StaffOrderLines = Pick<
  RouterOutputs['order']['get'],
  | 'lines'
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'pricesIncludeTax'
  | 'totalMinor'
  | 'refundedMinor'
  | 'currency'
  | 'discount'
  | 'shipping'
>;

type StaffOrderLine = StaffOrderLines['lines'][number];

function lineColumns(money: (minor: number) => string): TableColumn<StaffOrderLine>[] {
  return [
    {
      key: 'item',
      header: 'Item',
      cell: (line) => (
        <>
          <p className="font-medium text-ink">{line.name}</p>
          <p className="text-xs text-ink-muted">
            {line.variantLabel ? `${line.variantLabel} · ` : ''}
            <span className="font-mono">{line.sku}</span>
          </p>
        </>
      ),
    },
    {
      key: 'unit-price',
      header: 'Unit price',
      align: 'end',
      hideBelow: 'sm',
      className: 'tabular-nums',
      cell: (line) => money(line.unitPriceMinor),
    },
    {
      key: 'quantity',
      header: 'Qty',
      align: 'end',
      className: 'tabular-nums',
      cell: (line) => line.quantity,
    },
    {
      key: 'total',
      header: 'Total',
      align: 'end',
      className: 'tabular-nums',
      cell: (line) => money(line.lineTotalMinor),
    },
  ];
}

/** The order's lines with SKU, then subtotal, discount, shipping, tax, total and refunded. */
export function OrderSummaryTable({ order }: { order: StaffOrderLines }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  // Phones hide the unit price column, so the label spans one column fewer there.
  const footRow = (label: string, value: string, strong = false) => (
    <tr className={strong ? 'font-semibold text-ink' : 'text-ink-muted'}>
      <th
        scope="row"
        colSpan={2}
        className={`px-5 py-1.5 text-right sm:hidden ${strong ? 'font-semibold' : 'font-normal'}`}
      >
        {label}
      </th>
      <th
        scope="row"
        colSpan={3}
        className={`hidden px-5 py-1.5 text-right sm:table-cell ${strong ? 'font-semibold' : 'font-normal'}`}
      >
        {label}
      </th>
      <td className="px-5 py-1.5 text-right tabular-nums">{value}</td>
    </tr>
  );
  return (
    <Table
      caption="Items and totals"
      density="compact"
      tableClassName="min-w-[18rem]"
      data-testid="order-lines"
      columns={lineColumns(money)}
      rows={order.lines}
      rowKey={(line) => line.sku}
      footer={
        <>
          {footRow('Subtotal', money(order.subtotalMinor))}
          {order.discountMinor > 0
            ? footRow(
                `Discount${order.discount ? ` (${order.discount.code})` : ''}`,
                `−${money(order.discountMinor)}`,
              )
            : null}
          {footRow(
            `Shipping${order.shipping ? ` (${order.shipping.name})` : ''}`,
            money(order.shippingMinor),
          )}
          {order.pricesIncludeTax ? null : footRow('Tax added', money(order.taxMinor))}
          {footRow('Total', money(order.totalMinor), true)}
          {/* VAT contained in the prices is part of the total, so it follows it. */}
          {order.pricesIncludeTax ? footRow('incl. VAT', money(order.taxMinor)) : null}
          {order.refundedMinor > 0 ? footRow('Refunded', money(order.refundedMinor)) : null}
        </>
      }
    />
  );
}
