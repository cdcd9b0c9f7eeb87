'use client';

import { Card, CardBody, CardHeader, TextField } from '@shop/ui';
import { updateProfile } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

export function ProfileForm({ name, phone }: { name: string; phone: string | null }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(updateProfile);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader title="Profile" description="How we address you, and a number for deliveries." />
      <CardBody>
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
          <FormMessage state={state} />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Name"
              name="name"
              autoComplete="name"
              defaultValue={name}
              required
              error={errors.name}
            />
            <TextField
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              defaultValue={phone ?? ''}
              hint="With the country code, e.g. +44 20 7946 0958."
              error={errors.phone}
            />
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save profile
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
