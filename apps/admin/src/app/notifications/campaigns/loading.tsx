import { Skeleton } from '@shop/ui';

/** While campaigns load: the page's shape, announced once. */
export default function CampaignsLoading() {
  return (
    <div
      className="mx-auto flex max-w-6xl flex-col gap-6"
      role="status"
      aria-label="Loading campaigns"
    >
      <Skeleton className="h-16 w-72" />
      <Skeleton className="h-10 w-full max-w-md" />
      <Skeleton className="h-96 w-full rounded-card" />
    </div>
  );
}
