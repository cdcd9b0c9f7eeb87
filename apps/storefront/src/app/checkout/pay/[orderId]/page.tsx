import { Card, CardBody, Container, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PaymentStep } from '@/components/checkout/payment-step';
import { loadOrder } from '@/server/order-access-read';
import { cancelTrackedOrder } from '@/app/orders/track/actions';

// Per shopper and per moment: the order moves while the shopper pays.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Payment', robots: { index: false } };

export default async function PayPage({ params }: PageProps<'/checkout/pay/[orderId]'>) {
  const { orderId } = await params;
  const order = await loadOrder(orderId);
  if (!order.ok && order.failure === 'not-found') notFound();
  return (
    <Container className="mt-8 mb-16">
      {order.ok ? (
        <>
          <PageHeader eyebrow={`Order ${order.data.number}`} title="Payment" />
          <div className="mt-6 grid gap-8 lg:grid-cols-5 lg:items-start">
            <Card className="lg:col-span-3">
              <CardBody>
                <PaymentStep
                  initial={order.data}
                  cancelAction={cancelTrackedOrder.bind(null, orderId)}
                />
              </CardBody>
            </Card>
            <Card className="lg:col-span-2">
              <CardBody className="flex flex-col gap-2">
                <h2 className="text-base font-semibold text-ink">Your order</h2>
                <OrderSummary order={order.data} />
              </CardBody>
            </Card>
          </div>
        </>
      ) : (
        <Notice tone="danger" title="We could not load your order" className="mt-8">
          The shop is not answering right now. Reload this page in a moment; your order is safe.
        </Notice>
      )}
    </Container>
  );
}
