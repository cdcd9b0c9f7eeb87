import { formatMoney } from '@shop/money';
import type { RouterOutputs } from '@shop/api/client';
import { Card, CardBody, CardHeader, Table } from '@shop/ui';
import { orderListColumns } from '@/components/orders/order-columns';
import { formatStaffDate } from '@/components/orders/order-labels';
import type { CellResult } from '@/server/cell-call';

type History = RouterOutputs['order']['customerHistory'];

const columns = orderListColumns();

/** The customer's orders (newest first) and what they add up to (paid, net of refunds). */
export function CustomerOrders({ history }: { history: CellResult<History> }) {
  if (!history.ok) {
    return (
      <Card>
        <CardHeader title="Orders" />
        <CardBody>
          <p className="text-sm text-ink-muted">
            Orders cannot be shown right now; the order service is not answering.
          </p>
        </CardBody>
      </Card>
    );
  }
  const { lifetime, items, total, firstOrderAt } = history.data;
  return (
    <Card>
      <CardHeader
        title="Orders"
        description={
          firstOrderAt
            ? `${total} ${total === 1 ? 'order' : 'orders'} since ${formatStaffDate(firstOrderAt)}.`
            : 'No orders yet.'
        }
      />
      <CardBody className="flex flex-col gap-5">
        <dl className="grid gap-3 sm:grid-cols-2">
          {lifetime.length === 0 ? (
            <div>
              <dt className="text-sm text-ink-muted">Lifetime value</dt>
              <dd className="text-2xl font-semibold text-ink">—</dd>
            </div>
          ) : (
            lifetime.map((value) => (
              <div key={value.currency}>
                <dt className="text-sm text-ink-muted">
                  Lifetime value{lifetime.length > 1 ? ` (${value.currency})` : ''}
                </dt>
                <dd className="text-2xl font-semibold tabular-nums text-ink">
                  {formatMoney(value.salesMinor, value.currency)}
                </dd>
                <dd className="text-sm text-ink-muted">
                  {value.orders} paid {value.orders === 1 ? 'order' : 'orders'}, net of refunds
                </dd>
              </div>
            ))
          )}
        </dl>
        {items.length > 0 ? (
          <Table
            tableClassName="min-w-[28rem]"
            caption={
              total > items.length
                ? `The ${items.length} newest of ${total} orders`
                : 'Every order of this customer'
            }
            columns={columns}
            rows={items}
            rowKey={(order) => order.id}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
