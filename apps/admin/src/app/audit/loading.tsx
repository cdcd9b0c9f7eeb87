import { CardSkeleton, HeaderSkeleton, LoadingPage } from '@/components/page-skeleton';

/** While the audit log loads: its filters and entries, announced once. */
export default function AuditLoading() {
  return (
    <LoadingPage label="Loading the audit log">
      <HeaderSkeleton />
      <CardSkeleton height="md" />
      {Array.from({ length: 6 }, (_, index) => (
        <CardSkeleton key={index} height="sm" />
      ))}
    </LoadingPage>
  );
}
