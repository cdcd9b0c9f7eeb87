import { Container, Skeleton } from '@shop/ui';

/** A page's shape without its data, shown while its cell calls are in flight. */
export function PageSkeleton() {
  return (
    <Container className="mt-10" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <Skeleton className="h-9 w-64" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <div className="mt-10 grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="rounded-card border border-line bg-surface p-0 shadow-card">
            <Skeleton className="aspect-[4/3] rounded-b-none" />
            <div className="flex flex-col gap-2 p-4">
              <Skeleton className="h-3 w-16" />
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="mt-2 h-5 w-20" />
            </div>
          </div>
        ))}
      </div>
    </Container>
  );
}
