import type { RouterOutputs } from '@shop/api/client';
import { Card, buttonClassNames } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import { formatStaffDate } from '@/components/orders/order-labels';

type AwaitingShipment = RouterOutputs['order']['salesSummary']['awaitingShipment'];

/** Paid orders not shipped yet, with the oldest's date: the first thing to act on. */
export function OrdersToShip({ awaiting }: { awaiting: AwaitingShipment }) {
  return (
    <Card className="flex flex-col gap-3 px-5 py-4" aria-labelledby="orders-to-ship">
      <h2 id="orders-to-ship" className="text-base font-semibold text-ink">
        Orders to ship
      </h2>
      <p className="text-3xl font-semibold tabular-nums text-ink">{awaiting.count}</p>
      <p className="text-sm text-ink-muted">
        {awaiting.oldestPlacedAt
          ? `Paid and waiting; the oldest was placed ${formatStaffDate(awaiting.oldestPlacedAt)}.`
          : 'Nothing is waiting to be shipped.'}
      </p>
      {awaiting.count > 0 ? (
        <Link
          href={'/orders?status=CONFIRMED' as Route}
          className={buttonClassNames({ variant: 'secondary', className: 'self-start' })}
        >
          See confirmed orders
        </Link>
      ) : null}
    </Card>
  );
}
