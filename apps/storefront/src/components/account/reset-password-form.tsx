'use client';

import { buttonClassNames, TextField } from '@shop/ui';
import Link from 'next/link';
import { resetPassword } from '@/app/(account)/_actions/passwords';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { passwordPolicyHint } from './password-policy';

/** A new password for the account the emailed token belongs to. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(resetPassword);
  if (state.status === 'success') {
    return (
      <div className="flex flex-col gap-5">
        <FormMessage state={state} />
        <Link href="/sign-in" className={buttonClassNames({ size: 'lg' })}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      noValidate
    >
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={passwordPolicyHint}
        error={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg">
        Set new password
      </SubmitButton>
    </form>
  );
}
