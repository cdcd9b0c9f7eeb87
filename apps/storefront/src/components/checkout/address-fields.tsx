'use client';

import { SelectField, TextField } from '@shop/ui';
import type { AddressInput } from './checkout-types';

interface AddressFieldsProps {
  value: AddressInput;
  onChange: (next: AddressInput) => void;
  countries: readonly { code: string; name: string }[];
  errors: Partial<Record<string, string>>;
}

/** A new shipping address: labelled fields with autocomplete tokens and errors next to each. */
export function AddressFields({ value, onChange, countries, errors }: AddressFieldsProps) {
  const set = (field: keyof AddressInput) => (event: { target: { value: string } }) =>
    onChange({ ...value, [field]: event.target.value });
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="address-fields">
      <TextField
        label="Full name"
        name="name"
        autoComplete="shipping name"
        value={value.name}
        onChange={set('name')}
        error={errors.name}
        required
        className="sm:col-span-2"
      />
      <TextField
        label="Address line 1"
        name="line1"
        autoComplete="shipping address-line1"
        value={value.line1}
        onChange={set('line1')}
        error={errors.line1}
        required
        className="sm:col-span-2"
      />
      <TextField
        label="Address line 2 (optional)"
        name="line2"
        autoComplete="shipping address-line2"
        value={value.line2}
        onChange={set('line2')}
        error={errors.line2}
        className="sm:col-span-2"
      />
      <TextField
        label="Town or city"
        name="city"
        autoComplete="shipping address-level2"
        value={value.city}
        onChange={set('city')}
        error={errors.city}
        required
      />
      <TextField
        label="Region (optional)"
        name="region"
        autoComplete="shipping address-level1"
        value={value.region}
        onChange={set('region')}
        error={errors.region}
      />
      <TextField
        label="Postcode"
        name="postcode"
        autoComplete="shipping postal-code"
        value={value.postcode}
        onChange={set('postcode')}
        error={errors.postcode}
        required
      />
      <SelectField
        label="Country"
        name="country"
        autoComplete="shipping country"
        value={value.country}
        onChange={set('country')}
        error={errors.country}
        required
        options={[
          { value: '', label: 'Choose a country' },
          ...countries.map((country) => ({ value: country.code, label: country.name })),
        ]}
      />
      <TextField
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="shipping tel"
        hint="Only used by the courier if they need to reach you."
        value={value.phone}
        onChange={set('phone')}
        error={errors.phone}
        className="sm:col-span-2"
      />
    </div>
  );
}
