import { Skeleton } from '@shop/ui';

export default function Loading() {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading the audit log…
      </p>
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-40 rounded-card" />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-24 rounded-card" />
      ))}
    </div>
  );
}
