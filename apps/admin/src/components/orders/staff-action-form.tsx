'use client';

import type { ButtonVariant } from '@shop/ui';
import type { ReactNode } from 'react';
import { type FormState, FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/**
 * One staff action on an order: its fields, its button, and what happened (the cell's refusal,
 * e.g. "Order SO-100001 is SHIPPED; it cannot be cancelled", or the success message). What was
 * typed stays after a refusal.
 */
export function StaffActionForm({
  action,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  children,
  onSuccess,
  testId,
}: {
  action: (data: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  children?: (state: FormState) => ReactNode;
  onSuccess?: (form: HTMLFormElement) => void;
  testId?: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(action, (_state, form) => {
    form.reset();
    onSuccess?.(form);
  });
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      data-testid={testId}
      noValidate
    >
      {children?.(state)}
      <FormMessage state={state} />
      <div>
        <SubmitButton variant={variant} pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
