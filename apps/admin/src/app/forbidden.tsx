import { buttonClassNames, EmptyState } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

/** 403: the staff member is signed in, but their role does not include this section. */
export default function Forbidden() {
  return (
    <EmptyState
      as="h1"
      className="mx-auto max-w-2xl"
      title="Your role does not give access to this page"
      description="Ask an administrator if you need it for your work."
      action={
        <Link href="/" className={buttonClassNames()}>
          Back to the dashboard
        </Link>
      }
    />
  );
}
