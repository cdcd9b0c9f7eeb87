import { buttonClassNames, EmptyState } from '@shop/ui';
import Link from 'next/link';

/** What a staff member sees on a page their roles do not allow (always with a 403). */
export function NoAccess() {
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
