'use client';

import Link from 'next/link';
import { SignOutButton } from './account/sign-out-button';
import type { HeaderAccount } from './account-session';

const itemClass =
  'block w-full rounded-control px-3 py-2 text-left text-sm text-ink hover:bg-surface-sunken focus-visible:bg-surface-sunken';

/**
 * A signed-in shopper's menu in the header (a native disclosure: keyboard friendly) with their
 * name, the account pages and "Sign out". The name is truncated to the slot AccountNav reserves.
 */
export function AccountMenu({ account }: { account: HeaderAccount }) {
  const firstName = account.name.split(/\s+/)[0] || account.name;
  return (
    <details className="group relative" data-testid="account-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-control px-3 py-2 text-sm font-medium text-ink hover:bg-surface-sunken [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Account menu for </span>
        <span className="max-w-12 truncate md:max-w-20">{firstName}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4 shrink-0 text-ink-muted transition-transform group-open:rotate-180"
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-60 rounded-card border border-line bg-surface p-2 shadow-raised">
        <p className="truncate px-3 pt-1 pb-2 text-xs text-ink-muted">
          Signed in as <span className="font-medium text-ink">{account.email}</span>
        </p>
        <ul className="flex flex-col gap-0.5 border-t border-line pt-2">
          <li>
            <Link href="/account" className={itemClass}>
              Your account
            </Link>
          </li>
          <li>
            <Link href="/account/orders" className={itemClass}>
              Orders
            </Link>
          </li>
          <li>
            <Link href="/account/addresses" className={itemClass}>
              Addresses
            </Link>
          </li>
          <li>
            <Link href="/account/security" className={itemClass}>
              Security
            </Link>
          </li>
          <li className="mt-1 border-t border-line pt-1">
            <SignOutButton className={itemClass} />
          </li>
        </ul>
      </div>
    </details>
  );
}
