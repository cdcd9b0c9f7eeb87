'use client';

import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Signs out through next-auth, which revokes the refresh token at the auth cell. */
export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false }).catch(() => undefined);
        router.push('/sign-in');
        router.refresh();
        setPending(false);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
