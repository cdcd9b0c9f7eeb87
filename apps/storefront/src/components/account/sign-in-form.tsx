'use client';

import { SignInForm as SharedSignInForm } from '@shop/auth-session/client/sign-in-form';
import Link from 'next/link';

/** Email and password; on success the browser goes back to where the shopper came from. */
export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  return (
    <SharedSignInForm
      callbackUrl={callbackUrl}
      notice={notice}
      emailAutoComplete="email"
      passwordAside={
        <Link
          href="/forgot-password"
          className="self-end text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          Forgot your password?
        </Link>
      }
    />
  );
}
