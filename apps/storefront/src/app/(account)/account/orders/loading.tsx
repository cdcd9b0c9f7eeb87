import { Skeleton } from '@shop/ui';

/** While the orders load: the shape of the list, announced once. */
export default function OrdersLoading() {
  return (
    <div className="flex flex-col gap-3" role="status" aria-label="Loading your orders">
      <Skeleton className="h-16 w-64" />
      {Array.from({ length: 3 }, (_, index) => (
        <Skeleton key={index} className="h-20 w-full rounded-card" />
      ))}
    </div>
  );
}
