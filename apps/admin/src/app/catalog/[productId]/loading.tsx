import { CardSkeleton, HeaderSkeleton, LoadingPage } from '@/components/page-skeleton';

/** While a product loads: the editor's shape, announced once. */
export default function ProductLoading() {
  return (
    <LoadingPage label="Loading the product" width="5xl">
      <HeaderSkeleton />
      <CardSkeleton height="lg" />
      <CardSkeleton height="lg" />
    </LoadingPage>
  );
}
