import { CardSkeleton, HeaderSkeleton, LoadingPage } from '@/components/page-skeleton';

/** While one order loads: the order beside its customer and actions. */
export default function OrderLoading() {
  return (
    <LoadingPage label="Loading the order">
      <HeaderSkeleton />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <CardSkeleton />
        <CardSkeleton height="lg" />
      </div>
    </LoadingPage>
  );
}
