import { ListPageSkeleton } from '@/components/page-skeleton';

/** While orders load: the page's shape, announced once. */
export default function OrdersLoading() {
  return <ListPageSkeleton label="Loading orders" />;
}
