'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/**
 * Signs out through next-auth (which revokes the refresh token at the auth cell, see
 * auth-options.ts) and goes home with a full navigation so every part of the page forgets the user.
 */
const home = '/';

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false }).catch(() => undefined);
        // A full navigation: every server-rendered part forgets the shopper.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a reload on purpose
        window.location.assign(home);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
