'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Signs out through next-auth, which revokes the refresh token at the auth cell. */
const signInPage = '/sign-in';

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
        // A full navigation: the layout drops the navigation with the session.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a reload on purpose
        window.location.assign(signInPage);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
