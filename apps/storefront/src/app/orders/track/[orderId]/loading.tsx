import { Container, Skeleton } from '@shop/ui';

/** While a tracked order loads. */
export default function TrackedOrderLoading() {
  return (
    <Container className="flex max-w-5xl flex-col gap-6 py-8 sm:py-12">
      <div className="flex flex-col gap-6" role="status" aria-label="Loading the order">
        <Skeleton className="h-10 w-56" />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Skeleton className="h-72 rounded-card" />
          <Skeleton className="h-56 rounded-card" />
        </div>
      </div>
    </Container>
  );
}
