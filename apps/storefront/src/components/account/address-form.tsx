'use client';

import { Button, SelectField, TextField } from '@shop/ui';
import { useState } from 'react';
import { saveAddress } from '@/app/(account)/_actions/account';
import type { Address, Country } from './address-types';
import { FormMessage, type FormState, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** Add or edit one address; the postcode hint follows the chosen country. */
export function AddressForm({
  address,
  countries,
  onDone,
}: {
  address?: Address;
  countries: readonly Country[];
  /** Called with the outcome after a save, without one on cancel. */
  onDone: (saved?: FormState) => void;
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(saveAddress, (saved) =>
    onDone(saved),
  );
  const [country, setCountry] = useState<string>(address?.country ?? countries[0]?.code ?? '');
  const example = countries.find((c) => c.code === country)?.postcodeExample;
  const errors = state.fieldErrors ?? {};
  const idPrefix = address ? `address-${address.id}` : 'address-new';
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      noValidate
      aria-label={address ? `Edit address: ${address.name}` : 'New address'}
    >
      <FormMessage state={state.status === 'error' ? state : { status: 'idle' }} />
      {address ? <input type="hidden" name="id" value={address.id} /> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id={`${idPrefix}-name`}
          label="Full name"
          name="name"
          autoComplete="name"
          defaultValue={address?.name}
          required
          error={errors.name}
        />
        <TextField
          id={`${idPrefix}-phone`}
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={address?.phone}
          error={errors.phone}
        />
        <TextField
          id={`${idPrefix}-line1`}
          label="Address line 1"
          name="line1"
          autoComplete="address-line1"
          defaultValue={address?.line1}
          required
          error={errors.line1}
          className="sm:col-span-2"
        />
        <TextField
          id={`${idPrefix}-line2`}
          label="Address line 2 (optional)"
          name="line2"
          autoComplete="address-line2"
          defaultValue={address?.line2}
          error={errors.line2}
          className="sm:col-span-2"
        />
        <TextField
          id={`${idPrefix}-city`}
          label="Town or city"
          name="city"
          autoComplete="address-level2"
          defaultValue={address?.city}
          required
          error={errors.city}
        />
        <TextField
          id={`${idPrefix}-region`}
          label="County, state or region (optional)"
          name="region"
          autoComplete="address-level1"
          defaultValue={address?.region}
          error={errors.region}
        />
        <SelectField
          id={`${idPrefix}-country`}
          label="Country"
          name="country"
          autoComplete="country"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
          error={errors.country}
        />
        <TextField
          id={`${idPrefix}-postcode`}
          label="Postcode"
          name="postcode"
          autoComplete="postal-code"
          defaultValue={address?.postcode}
          required
          hint={example ? `For example ${example}` : undefined}
          error={errors.postcode}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {address ? 'Save address' : 'Add address'}
        </SubmitButton>
        <Button variant="ghost" onClick={() => onDone()} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
