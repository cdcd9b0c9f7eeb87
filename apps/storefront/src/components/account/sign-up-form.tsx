'use client';

import { TextField } from '@shop/ui';
import { signUp } from '@/app/(account)/_actions/sign-up';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { passwordPolicyHint } from './password-policy';

/** Name, email and a password with the policy spelled out before anyone gets it wrong. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(signUp, () =>
    // A full navigation: every server-rendered part (the header too) renders signed in. (A
    // client push races with the refresh Next does after an action that set a cookie.)
    window.location.assign(callbackUrl),
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      noValidate
    >
      <FormMessage state={state.status === 'error' ? state : { status: 'idle' }} />
      <TextField label="Name" name="name" autoComplete="name" required error={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={passwordPolicyHint}
        error={errors.password}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…" size="lg">
        Create account
      </SubmitButton>
    </form>
  );
}
