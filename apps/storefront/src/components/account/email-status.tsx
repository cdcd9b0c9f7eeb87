'use client';

import { Badge, Card, CardBody, CardHeader } from '@shop/ui';
import { resendVerification } from '@/app/(account)/_actions/verify-email';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** The sign-in email, whether it is confirmed, and a way to get a new confirmation link. */
export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(() => resendVerification());
  return (
    <Card>
      <CardHeader
        title="Email"
        description="You sign in with it; order updates and password resets go there."
      />
      <CardBody className="flex flex-col gap-4">
        <p className="flex flex-wrap items-center gap-2 text-sm text-ink">
          <span className="font-medium break-all">{email}</span>
          {verified ? (
            <Badge tone="success">Confirmed</Badge>
          ) : (
            <Badge tone="warning">Not confirmed yet</Badge>
          )}
        </p>
        {verified ? null : (
          <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
            <FormMessage state={state} />
            <div>
              <SubmitButton variant="secondary" pending={pending} pendingLabel="Sending…">
                Send a new confirmation link
              </SubmitButton>
            </div>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
