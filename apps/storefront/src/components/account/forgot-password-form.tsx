'use client';

import { TextField } from '@shop/ui';
import { requestPasswordReset } from '@/app/(account)/_actions/passwords';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

export function ForgotPasswordForm() {
  const { state, pending, onSubmit, formRef } = useFormSubmit(requestPasswordReset);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state.fieldErrors?.email}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…" size="lg">
        Send reset link
      </SubmitButton>
    </form>
  );
}
