import { CardSkeleton, HeaderSkeleton, LoadingPage } from '@/components/page-skeleton';

/** While the dashboard (or any page without a loading state of its own) loads. */
export default function Loading() {
  return (
    <LoadingPage label="Loading the page">
      <HeaderSkeleton />
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 9 }, (_, index) => (
          <CardSkeleton key={index} height="sm" />
        ))}
      </div>
    </LoadingPage>
  );
}
