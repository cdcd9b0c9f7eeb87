import { OrderDetailSkeleton } from '@/components/orders/order-detail-skeleton';

/** While one order loads. */
export default function OrderLoading() {
  return <OrderDetailSkeleton />;
}
