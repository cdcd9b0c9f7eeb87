'use client';

import { Notice, TextField } from '@shop/ui';
import { SubmitButton } from '@shop/ui/form';
import { signIn } from 'next-auth/react';
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';

// next-auth reports a failed credentials sign-in by these codes (see auth-options.ts).
const commonMessages: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  TooManyAttempts: 'Too many sign-in attempts. Wait a few minutes, then try again.',
  SignInUnavailable: 'Signing in is not possible right now. Try again in a moment.',
};

export interface SignInFormProps {
  /** Where the browser goes once signed in (already checked to be a path on this site). */
  callbackUrl: string;
  /** Shown above the form until a sign-in fails (e.g. "your session expired"). */
  notice?: string;
  /** Messages for the app's own failure codes (e.g. the back office's staff-only refusal). */
  failureMessages?: Record<string, string>;
  /** The email field's autocomplete token. */
  emailAutoComplete: 'username' | 'email';
  /** Shown under the password field (e.g. a "forgot your password?" link). */
  passwordAside?: ReactNode;
}

/** Email and password through next-auth's credentials provider. */
export function SignInForm({
  callbackUrl,
  notice,
  failureMessages,
  emailAutoComplete,
  passwordAside,
}: SignInFormProps) {
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
        // A full navigation: every server-rendered part (header, navigation) renders signed in.
        window.location.assign(callbackUrl);
        return;
      }
      const messages = { ...commonMessages, ...failureMessages };
      setError(messages[result?.error ?? ''] ?? commonMessages.SignInUnavailable!);
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  };

  const password = (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="current-password"
      required
    />
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {notice && !error ? <Notice tone="info" title={notice} /> : null}
      {error ? (
        <div ref={errorRef} tabIndex={-1} className="focus:outline-none">
          <Notice tone="danger" title={error} data-testid="sign-in-error" />
        </div>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete={emailAutoComplete}
        required
      />
      {passwordAside ? (
        <div className="flex flex-col gap-1.5">
          {password}
          {passwordAside}
        </div>
      ) : (
        password
      )}
      <SubmitButton pending={pending} pendingLabel="Signing in…" size="lg">
        Sign in
      </SubmitButton>
    </form>
  );
}
