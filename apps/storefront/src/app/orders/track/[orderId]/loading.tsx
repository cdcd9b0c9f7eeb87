import { Container } from '@shop/ui';
import { OrderDetailSkeleton } from '@/components/orders/order-detail-skeleton';

/** While a tracked order loads. */
export default function TrackedOrderLoading() {
  return (
    <Container className="flex max-w-5xl flex-col gap-6 py-8 sm:py-12">
      <OrderDetailSkeleton />
    </Container>
  );
}
