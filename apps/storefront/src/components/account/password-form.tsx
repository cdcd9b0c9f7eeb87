'use client';

import { Card, CardBody, CardHeader, TextField } from '@shop/ui';
import { changePassword } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { passwordPolicyHint } from './password-policy';

export function PasswordForm() {
  const { state, pending, onSubmit, formRef } = useFormSubmit(changePassword, (_state, form) =>
    form.reset(),
  );
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader title="Password" />
      <CardBody>
        <form
          ref={formRef}
          method="post"
          onSubmit={onSubmit}
          className="flex flex-col gap-5"
          noValidate
        >
          <FormMessage state={state} />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
            <TextField
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              hint={passwordPolicyHint}
              error={errors.newPassword}
            />
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Changing…">
              Change password
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
