import { Skeleton } from '@shop/ui';

/**
 * While the reports load (seven of them; the first of a day rolls today up first): the page's
 * shape, announced once.
 */
export default function AnalyticsLoading() {
  return (
    <div
      className="mx-auto flex max-w-6xl flex-col gap-8"
      role="status"
      aria-label="Loading analytics"
    >
      <Skeleton className="h-16 w-72" />
      <Skeleton className="h-16 w-full max-w-xl" />
      {['sales', 'funnel', 'products'].map((report) => (
        <div key={report} className="flex flex-col gap-3">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-60 w-full rounded-card" />
        </div>
      ))}
    </div>
  );
}
