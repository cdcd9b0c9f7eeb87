'use client';

import type { RouterOutputs } from '@shop/api/client';
import { minorToDecimalString } from '@shop/money';
import { SelectField, TextField } from '@shop/ui';
import { useState } from 'react';
import { saveDiscountCode } from '@/app/discounts/actions';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** A code as the order cell answers it (`order.discountCodes`), which is what the form edits. */
export type DiscountCodeValues = RouterOutputs['order']['discountCodes']['items'][number];

/** An ISO date as a datetime-local value in UTC ("2026-12-31T23:59"). */
const localUtc = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');

/**
 * A discount code's terms. New codes name themselves; an existing code keeps its name (it is
 * the key shoppers type). Values are typed as a shopper reads them: euros and percent.
 */
export function DiscountCodeForm({
  initial,
  canWrite,
}: {
  initial?: DiscountCodeValues;
  canWrite: boolean;
}) {
  const [kind, setKind] = useState<'percentage' | 'fixed'>(initial?.kind ?? 'percentage');
  const { state, pending, onSubmit, formRef } = useFormSubmit(saveDiscountCode, (_state, form) => {
    if (!initial) form.reset();
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <fieldset disabled={!canWrite} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Discount code terms</legend>
        {initial ? (
          <>
            <input type="hidden" name="code" value={initial.code} />
            <TextField label="Code" value={initial.code} readOnly disabled />
          </>
        ) : (
          <TextField
            label="Code"
            name="code"
            required
            maxLength={40}
            autoComplete="off"
            placeholder="SPRING15"
            hint="Letters, digits, dashes; shoppers type it at checkout."
            error={errors.code}
          />
        )}
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value === 'fixed' ? 'fixed' : 'percentage')}
          options={[
            { value: 'percentage', label: 'Percentage off' },
            { value: 'fixed', label: 'Fixed amount off (EUR)' },
          ]}
          error={errors.kind}
        />
        <TextField
          key={kind}
          label={kind === 'fixed' ? 'Amount off (EUR)' : 'Percent off'}
          name="value"
          required
          inputMode={kind === 'fixed' ? 'decimal' : 'numeric'}
          autoComplete="off"
          defaultValue={
            initial && initial.kind === kind
              ? kind === 'fixed'
                ? minorToDecimalString(initial.value, 'EUR')
                : String(initial.value)
              : ''
          }
          hint={kind === 'fixed' ? 'e.g. 5.00' : 'A whole number from 1 to 100.'}
          error={errors.value}
        />
        <TextField
          label="Minimum spend (EUR, optional)"
          name="minSpend"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={
            initial?.minSpendMinor ? minorToDecimalString(initial.minSpendMinor, 'EUR') : ''
          }
          error={errors.minSpend}
        />
        <TextField
          label="Starts (UTC, optional)"
          name="startsAt"
          type="datetime-local"
          defaultValue={localUtc(initial?.startsAt)}
          error={errors.startsAt}
        />
        <TextField
          label="Expires (UTC, optional)"
          name="expiresAt"
          type="datetime-local"
          defaultValue={localUtc(initial?.expiresAt)}
          error={errors.expiresAt}
        />
        <TextField
          label="Uses in all (optional)"
          name="usageLimit"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={initial?.usageLimit ?? ''}
          hint="Empty: unlimited."
          error={errors.usageLimit}
        />
        <TextField
          label="Uses per customer (optional)"
          name="perCustomerLimit"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={initial?.perCustomerLimit ?? ''}
          hint="Empty: unlimited."
          error={errors.perCustomerLimit}
        />
        <label className="flex items-center gap-2 text-sm font-medium text-ink sm:col-span-2">
          <input
            type="checkbox"
            name="active"
            defaultChecked={initial?.active ?? true}
            className="size-4 accent-accent-600"
          />
          Active (shoppers can use it)
        </label>
      </fieldset>
      <FormMessage state={state} />
      {canWrite ? (
        <div>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            {initial ? `Save ${initial.code}` : 'Create discount code'}
          </SubmitButton>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">
          Your role can view discount codes but not change them.
        </p>
      )}
    </form>
  );
}
