'use client';

import dynamic from 'next/dynamic';
import { SignInLink } from './account/sign-in-link';
import { useHeaderSession } from './account-session';

// Only signed-in shoppers download the menu (and next-auth's client, for "Sign out").
const AccountMenu = dynamic(() => import('./account-menu').then((module) => module.AccountMenu));

/**
 * The header's account entry, rendered in the browser so that no page's HTML depends on who is
 * asking (product and category pages are cached and shared): "Sign in" until the session is
 * known and for guests; the account menu for a signed-in shopper. The slot has a fixed width
 * so that the swap never moves the navigation beside it.
 */
export function AccountNav() {
  const session = useHeaderSession();
  return (
    <div className="w-24 md:w-32" data-testid="account-slot">
      {session ? (
        <AccountMenu account={session} />
      ) : (
        <SignInLink className="inline-block rounded-control px-3 py-2 text-sm font-medium text-ink-muted transition-colors hover:bg-surface-sunken hover:text-ink" />
      )}
    </div>
  );
}
