'use client';

import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { Card, CardBody, CardHeader } from '@shop/ui';
import { signOutEverywhere } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** Ends every session of the account, this one included. */
export function SignOutEverywhere() {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useFormSubmit(
    () => signOutEverywhere(),
    () => {
      router.push('/sign-in?reason=signed-out-everywhere' as Route);
      router.refresh();
    },
  );
  return (
    <Card>
      <CardHeader
        title="Sign out everywhere"
        description="Signs you out on every device and browser, including this one. Use it if you signed in on a shared computer or think someone else knows your password."
      />
      <CardBody>
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
          <FormMessage state={state.status === 'error' ? state : { status: 'idle' }} />
          <div>
            <SubmitButton variant="secondary" pending={pending} pendingLabel="Signing out…">
              Sign out everywhere
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
