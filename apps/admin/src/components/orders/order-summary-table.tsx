import { formatMoney } from '@shop/money';

export interface StaffOrderLines {
  lines: readonly {
    sku: string;
    name: string;
    variantLabel: string;
    unitPriceMinor: number;
    quantity: number;
    lineTotalMinor: number;
  }[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  discount?: { code: string };
  shipping?: { name: string };
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
    <div className="overflow-x-auto">
      <table className="w-full min-w-[18rem] text-left text-sm" data-testid="order-lines">
        <caption className="sr-only">Items and totals</caption>
        <thead className="border-b border-line text-xs font-medium tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-5 py-2">
              Item
            </th>
            <th scope="col" className="hidden px-5 py-2 text-right sm:table-cell">
              Unit price
            </th>
            <th scope="col" className="px-5 py-2 text-right">
              Qty
            </th>
            <th scope="col" className="px-5 py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {order.lines.map((line) => (
            <tr key={line.sku}>
              <td className="px-5 py-2.5">
                <p className="font-medium text-ink">{line.name}</p>
                <p className="text-xs text-ink-muted">
                  {line.variantLabel ? `${line.variantLabel} · ` : ''}
                  <span className="font-mono">{line.sku}</span>
                </p>
              </td>
              <td className="hidden px-5 py-2.5 text-right tabular-nums sm:table-cell">
                {money(line.unitPriceMinor)}
              </td>
              <td className="px-5 py-2.5 text-right tabular-nums">{line.quantity}</td>
              <td className="px-5 py-2.5 text-right tabular-nums">{money(line.lineTotalMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-line">
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
          {footRow('Tax', money(order.taxMinor))}
          {footRow('Total', money(order.totalMinor), true)}
          {order.refundedMinor > 0 ? footRow('Refunded', money(order.refundedMinor)) : null}
        </tfoot>
      </table>
    </div>
  );
}
