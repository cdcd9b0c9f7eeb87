import { Container, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { ConfirmationView } from '@/components/checkout/confirmation-view';
import { loadOrder } from '@/server/order-access-read';

// Per shopper and per moment.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Order confirmation', robots: { index: false } };

export default async function ConfirmationPage({
  params,
}: PageProps<'/checkout/confirmation/[orderId]'>) {
  const { orderId } = await params;
  const [order, session] = await Promise.all([loadOrder(orderId), currentSession()]);
  if (!order.ok && order.failure === 'not-found') notFound();
  return (
    <Container className="mt-8 mb-16">
      <PageHeader
        eyebrow={order.ok ? `Order ${order.data.number}` : undefined}
        title={
          order.ok && order.data.status === 'CANCELLED'
            ? 'Order cancelled'
            : 'Thank you for your order'
        }
      />
      {order.ok ? (
        <ConfirmationView initial={order.data} signedIn={Boolean(session)} />
      ) : (
        <Notice tone="danger" title="We could not load your order" className="mt-8">
          The shop is not answering right now. Reload this page in a moment; your order is safe.
        </Notice>
      )}
    </Container>
  );
}
