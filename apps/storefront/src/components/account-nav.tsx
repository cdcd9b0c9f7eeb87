import type { Route } from 'next';
import Link from 'next/link';

/**
 * The header's account entry. Identity (issue 3) replaces this with the signed-in state:
 * "Sign in" for guests, the account menu for shoppers.
 */
export function AccountNav() {
  return (
    <Link
      // The sign-in page arrives with issue 3; typed routes only know pages that exist.
      href={'/sign-in' as Route}
      className="rounded-control px-3 py-2 text-sm font-medium text-ink-muted transition-colors hover:bg-surface-sunken hover:text-ink"
    >
      Sign in
    </Link>
  );
}
