'use client';

import { Notice, TextField } from '@shop/ui';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { SubmitButton } from './submit-button';

// next-auth reports a failed credentials sign-in by these codes (see auth/auth-options.ts).
const messages: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  TooManyAttempts: 'Too many sign-in attempts. Wait a few minutes, then try again.',
  SignInUnavailable: 'Signing in is not possible right now. Try again in a moment.',
};

/** Email and password; on success the browser goes back to where the shopper came from. */
export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorRef = useRef<HTMLDivElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        redirect: false,
      }).catch(() => undefined);
      if (result?.ok && !result.error) {
        // A full navigation: every server-rendered part (the header too) renders signed in.
        window.location.assign(callbackUrl);
        return;
      }
      setError(messages[result?.error ?? ''] ?? messages.SignInUnavailable!);
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  };

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {notice && !error ? <Notice tone="info" title={notice} /> : null}
      {error ? (
        <div ref={errorRef} tabIndex={-1} className="focus:outline-none">
          <Notice tone="danger" title={error} data-testid="sign-in-error" />
        </div>
      ) : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <div className="flex flex-col gap-1.5">
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Link
          href="/forgot-password"
          className="self-end text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          Forgot your password?
        </Link>
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…" size="lg">
        Sign in
      </SubmitButton>
    </form>
  );
}
