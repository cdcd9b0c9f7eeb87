import { buttonClassNames, Container, Notice } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderDetail } from '@/components/orders/order-detail';
import { callCell } from '@/server/cell-call';
import { shopperCells } from '@/server/cart-cells';
import { orderAccessToken } from '@/server/order-access';
import { cancelTrackedOrder, requestCancelLink } from '../actions';

// Per browser (the order-access cookie), on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

/**
 * A guest's order, opened with the access token this browser keeps (from checkout or a lookup);
 * the signed-in owner gets in with their session. Anyone else is asked to look the order up.
 */
export default async function TrackedOrderPage({
  params,
}: {
  params: Promise<{ orderId: string }>;
}) {
  const { orderId } = await params;
  if (!/^[0-9a-f]{24}$/i.test(orderId)) notFound();
  const [accessToken, { client, session }] = await Promise.all([
    orderAccessToken(orderId),
    shopperCells(),
  ]);
  const order =
    accessToken || session
      ? await callCell(({ signal }) =>
          client.order.get.query({ orderId, ...(accessToken ? { accessToken } : {}) }, { signal }),
        )
      : null;

  return (
    <Container className="flex max-w-5xl flex-col gap-6 py-8 sm:py-12">
      {order?.ok ? (
        <OrderDetail
          order={order.data}
          cancelAction={cancelTrackedOrder.bind(null, orderId)}
          requestCancelLinkAction={requestCancelLink.bind(null, orderId)}
        />
      ) : order && order.failure !== 'not-found' ? (
        <Notice tone="degraded" title="Your order cannot be shown right now">
          The service that keeps orders is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <div className="flex max-w-xl flex-col gap-4">
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Look up your order</h1>
          <p className="text-ink-muted">
            This browser cannot open that order any more. Enter its number and your email address to
            see it again.
          </p>
          <div>
            <Link href="/orders/track" className={buttonClassNames()}>
              Track an order
            </Link>
          </div>
        </div>
      )}
    </Container>
  );
}
