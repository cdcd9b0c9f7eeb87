'use client';

import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { Card, CardBody, CardHeader, TextField } from '@shop/ui';
import { deleteAccount } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** Deleting the account needs the password again: a borrowed, signed-in laptop is not enough. */
export function DeleteAccountForm() {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useFormSubmit(deleteAccount, () => {
    router.push('/sign-in?reason=account-deleted' as Route);
    router.refresh();
  });
  return (
    <Card className="border-danger/30">
      <CardHeader
        title="Delete your account"
        description="Your profile, addresses and preferences are removed and you are signed out. Orders keep only what the law requires for accounting. This cannot be undone."
      />
      <CardBody>
        <form
          ref={formRef}
          method="post"
          onSubmit={onSubmit}
          className="flex flex-col gap-5"
          noValidate
        >
          <FormMessage state={state.status === 'error' ? state : { status: 'idle' }} />
          <TextField
            label="Your password, to confirm"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={state.fieldErrors?.password}
            className="sm:max-w-sm"
          />
          <div>
            <SubmitButton variant="danger" pending={pending} pendingLabel="Deleting…">
              Delete my account
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
