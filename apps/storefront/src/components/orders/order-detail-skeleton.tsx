import { Skeleton } from '@shop/ui';

/** The order page's shape while it loads (the account's order page and a tracked order). */
export function OrderDetailSkeleton() {
  return (
    <div className="flex flex-col gap-6" role="status" aria-label="Loading the order">
      <Skeleton className="h-10 w-56" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-72 rounded-card" />
        <Skeleton className="h-56 rounded-card" />
      </div>
    </div>
  );
}
