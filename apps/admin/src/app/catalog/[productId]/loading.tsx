import { Skeleton } from '@shop/ui';

/** While a product loads: the editor's shape, announced once. */
export default function ProductLoading() {
  return (
    <div
      className="mx-auto flex max-w-5xl flex-col gap-6"
      role="status"
      aria-label="Loading the product"
    >
      <Skeleton className="h-16 w-80" />
      <Skeleton className="h-72 w-full rounded-card" />
      <Skeleton className="h-64 w-full rounded-card" />
    </div>
  );
}
