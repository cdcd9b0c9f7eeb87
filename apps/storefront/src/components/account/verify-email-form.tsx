'use client';

import { buttonClassNames } from '@shop/ui';
import Link from 'next/link';
import { verifyEmail } from '@/app/(account)/_actions/verify-email';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** One button press confirms the email (a page visit alone does not, so link scanners cannot). */
export function VerifyEmailForm({ token }: { token: string }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(verifyEmail);
  if (state.status === 'success') {
    return (
      <div className="flex flex-col gap-5">
        <FormMessage state={state} />
        <Link href="/account" className={buttonClassNames({ size: 'lg' })}>
          Go to your account
        </Link>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Confirming…" size="lg">
        Confirm my email address
      </SubmitButton>
    </form>
  );
}
