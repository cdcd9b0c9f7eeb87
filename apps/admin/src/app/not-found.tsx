import { buttonClassNames, EmptyState } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <EmptyState
      as="h1"
      className="mx-auto max-w-2xl"
      title="This page does not exist"
      description="It may belong to a section of the back office that is not built yet."
      action={
        <Link href="/" className={buttonClassNames()}>
          Back to the dashboard
        </Link>
      }
    />
  );
}
