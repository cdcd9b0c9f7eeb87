import {
  CardSkeleton,
  HeaderSkeleton,
  LoadingPage,
  ToolbarSkeleton,
} from '@/components/page-skeleton';
import { Skeleton } from '@shop/ui';

/**
 * While the reports load (seven of them; the first of a day rolls today up first): the page's
 * shape, announced once.
 */
export default function AnalyticsLoading() {
  return (
    <LoadingPage label="Loading analytics">
      <HeaderSkeleton />
      <ToolbarSkeleton />
      {['sales', 'funnel', 'products'].map((report) => (
        <div key={report} className="flex flex-col gap-3">
          <Skeleton className="h-7 w-48" />
          <CardSkeleton height="chart" />
        </div>
      ))}
    </LoadingPage>
  );
}
