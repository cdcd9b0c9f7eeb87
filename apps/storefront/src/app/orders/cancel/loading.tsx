import { Container, Skeleton } from '@shop/ui';

/** While the link's order loads. */
export default function CancelByLinkLoading() {
  return (
    <Container className="max-w-xl py-10 sm:py-14">
      <div className="flex flex-col gap-4" role="status" aria-label="Loading your order">
        <Skeleton className="h-9 w-64" />
        <Skeleton className="h-56 rounded-card" />
      </div>
    </Container>
  );
}
