'use client';

import type { Route } from 'next';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

/**
 * Signs out through next-auth (which revokes the refresh token at the auth cell, see
 * auth-options.ts), then opens `destination` with a full navigation so every server-rendered part
 * of the page forgets the user.
 */
export function SignOutButton({
  className,
  destination,
}: {
  className?: string;
  destination: Route;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false }).catch(() => undefined);
        // A full navigation on purpose: the whole page reloads without the session.
        window.location.assign(destination);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
