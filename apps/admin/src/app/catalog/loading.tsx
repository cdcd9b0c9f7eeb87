import { Skeleton } from '@shop/ui';

/** While products load: the page's shape, announced once. */
export default function CatalogLoading() {
  return (
    <div
      className="mx-auto flex max-w-6xl flex-col gap-6"
      role="status"
      aria-label="Loading the catalogue"
    >
      <Skeleton className="h-16 w-72" />
      <Skeleton className="h-32 w-full rounded-card" />
      <Skeleton className="h-96 w-full rounded-card" />
    </div>
  );
}
