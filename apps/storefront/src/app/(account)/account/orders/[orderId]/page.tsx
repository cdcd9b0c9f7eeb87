import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { UnavailableSection } from '@/components/account/unavailable-section';
import { OrderDetail } from '@/components/orders/order-detail';
import { callCell } from '@/server/cell-call';
import { cancelAccountOrder } from '../actions';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Order' };

/** One of the shopper's orders; anyone else's (or a malformed id) is a 404. */
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const session = await requireSession(`/account/orders/${orderId}`);
  if (!/^[0-9a-f]{24}$/i.test(orderId)) notFound();
  const order = await callCell(({ signal }) =>
    cellsAs(session).order.get.query({ orderId }, { signal }),
  );
  if (!order.ok && order.failure === 'not-found') notFound();
  return (
    <>
      <Link
        href="/account/orders"
        className="self-start text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
      >
        ← All orders
      </Link>
      {order.ok ? (
        <OrderDetail order={order.data} cancelAction={cancelAccountOrder.bind(null, orderId)} />
      ) : (
        <UnavailableSection what="order" />
      )}
    </>
  );
}
