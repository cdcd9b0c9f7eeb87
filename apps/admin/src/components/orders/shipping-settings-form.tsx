'use client';

import type { RouterOutputs } from '@shop/api/client';
import { minorToDecimalString } from '@shop/money';
import { Button, TextField } from '@shop/ui';
import { useState, type FormEvent } from 'react';
import { saveShippingSettings } from '@/app/settings/shipping/actions';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

/** What the form holds: every value as typed (euros and percent), converted by the action. */
export interface ShippingSettingsDraft {
  shippingMethods: {
    id: string;
    name: string;
    description: string;
    price: string;
    freeOver: string;
    minDays: string;
    maxDays: string;
  }[];
  taxRates: { country: string; rate: string }[];
}

/** The settings as the order cell answers them (`order.shippingSettings`). */
export type ShippingSettingsValues = RouterOutputs['order']['shippingSettings'];

const euros = (minor: number) => minorToDecimalString(minor, 'EUR');

function draftOf(values: ShippingSettingsValues): ShippingSettingsDraft {
  return {
    shippingMethods: values.shippingMethods.map((method) => ({
      id: method.id,
      name: method.name,
      description: method.description,
      price: euros(method.priceMinor),
      freeOver: method.freeOverMinor != null ? euros(method.freeOverMinor) : '',
      minDays: String(method.minDays),
      maxDays: String(method.maxDays),
    })),
    // Basis points are hundredths of a percent: the same exact conversion as cents.
    taxRates: values.taxRates.map((rate) => ({
      country: rate.country,
      rate: minorToDecimalString(rate.taxRateBasisPoints, 'EUR').replace(/\.00$/, ''),
    })),
  };
}

/**
 * Shipping methods and tax rates, edited as a whole and saved in one go. Rows can be added and
 * removed; the save sends the whole table, so what staff see is what checkout uses.
 */
export function ShippingSettingsForm({
  values,
  canWrite,
}: {
  values: ShippingSettingsValues;
  canWrite: boolean;
}) {
  const [draft, setDraft] = useState(() => draftOf(values));
  const { state, pending, onSubmit, formRef } = useFormSubmit(saveShippingSettings);
  const errors = state.fieldErrors ?? {};

  const setMethod = (
    index: number,
    field: keyof ShippingSettingsDraft['shippingMethods'][number],
    value: string,
  ) =>
    setDraft((current) => ({
      ...current,
      shippingMethods: current.shippingMethods.map((method, at) =>
        at === index ? { ...method, [field]: value } : method,
      ),
    }));
  const setRate = (index: number, field: 'country' | 'rate', value: string) =>
    setDraft((current) => ({
      ...current,
      taxRates: current.taxRates.map((rate, at) =>
        at === index ? { ...rate, [field]: value } : rate,
      ),
    }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // The hidden payload must hold the latest rows before the form data is read.
    const payload = event.currentTarget.elements.namedItem('payload');
    if (payload instanceof HTMLInputElement) payload.value = JSON.stringify(draft);
    onSubmit(event);
  };

  return (
    <form ref={formRef} onSubmit={submit} className="flex flex-col gap-8" noValidate>
      <input type="hidden" name="payload" defaultValue="" />
      <fieldset disabled={!canWrite} className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-ink">Shipping methods</legend>
        {draft.shippingMethods.map((method, index) => {
          const at = `shippingMethods.${index}`;
          return (
            <div
              key={index}
              className="grid gap-3 rounded-card border border-line p-4 sm:grid-cols-2 lg:grid-cols-4"
              data-testid="shipping-method"
            >
              <TextField
                label="Id"
                value={method.id}
                onChange={(e) => setMethod(index, 'id', e.target.value)}
                hint="Used by checkout, e.g. standard."
                error={errors[`${at}.id`]}
              />
              <TextField
                label="Name"
                value={method.name}
                onChange={(e) => setMethod(index, 'name', e.target.value)}
                error={errors[`${at}.name`]}
              />
              <TextField
                label="Price (EUR)"
                inputMode="decimal"
                value={method.price}
                onChange={(e) => setMethod(index, 'price', e.target.value)}
                error={errors[`${at}.priceMinor`]}
              />
              <TextField
                label="Free from (EUR, optional)"
                inputMode="decimal"
                value={method.freeOver}
                onChange={(e) => setMethod(index, 'freeOver', e.target.value)}
                error={errors[`${at}.freeOverMinor`]}
              />
              <TextField
                className="sm:col-span-2"
                label="Description"
                value={method.description}
                onChange={(e) => setMethod(index, 'description', e.target.value)}
                error={errors[`${at}.description`]}
              />
              <TextField
                label="Fastest (working days)"
                inputMode="numeric"
                value={method.minDays}
                onChange={(e) => setMethod(index, 'minDays', e.target.value)}
                error={errors[`${at}.minDays`]}
              />
              <TextField
                label="Slowest (working days)"
                inputMode="numeric"
                value={method.maxDays}
                onChange={(e) => setMethod(index, 'maxDays', e.target.value)}
                error={errors[`${at}.maxDays`]}
              />
              {canWrite ? (
                <div className="sm:col-span-2 lg:col-span-4">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={draft.shippingMethods.length <= 1}
                    onClick={() =>
                      setDraft((current) => ({
                        ...current,
                        shippingMethods: current.shippingMethods.filter((_, at) => at !== index),
                      }))
                    }
                  >
                    Remove {method.name || 'this method'}
                  </Button>
                </div>
              ) : null}
            </div>
          );
        })}
        {errors.shippingMethods ? (
          <p className="text-sm font-medium text-danger">{errors.shippingMethods}</p>
        ) : null}
        {canWrite ? (
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                setDraft((current) => ({
                  ...current,
                  shippingMethods: [
                    ...current.shippingMethods,
                    {
                      id: '',
                      name: '',
                      description: '',
                      price: '',
                      freeOver: '',
                      minDays: '',
                      maxDays: '',
                    },
                  ],
                }))
              }
            >
              Add shipping method
            </Button>
          </div>
        ) : null}
      </fieldset>

      <fieldset disabled={!canWrite} className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold text-ink">Tax rates</legend>
        <p className="text-sm text-ink-muted">
          Percent of (subtotal − discount + shipping), by delivery country. Countries not listed
          keep their default rate.
        </p>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {draft.taxRates.map((rate, index) => (
            <li key={index} className="flex items-start gap-2" data-testid="tax-rate">
              <TextField
                className="w-24"
                label="Country"
                maxLength={2}
                autoComplete="off"
                value={rate.country}
                onChange={(e) => setRate(index, 'country', e.target.value.toUpperCase())}
                error={errors[`taxRates.${index}.country`]}
              />
              <TextField
                className="flex-1"
                label={`Rate % (${rate.country || 'new'})`}
                inputMode="decimal"
                value={rate.rate}
                onChange={(e) => setRate(index, 'rate', e.target.value)}
                error={errors[`taxRates.${index}.taxRateBasisPoints`]}
              />
              {canWrite ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="mt-7"
                  onClick={() =>
                    setDraft((current) => ({
                      ...current,
                      taxRates: current.taxRates.filter((_, at) => at !== index),
                    }))
                  }
                >
                  Remove<span className="sr-only"> {rate.country || 'this rate'}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {canWrite ? (
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                setDraft((current) => ({
                  ...current,
                  taxRates: [...current.taxRates, { country: '', rate: '' }],
                }))
              }
            >
              Add country
            </Button>
          </div>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      {canWrite ? (
        <div>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save shipping and tax
          </SubmitButton>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">
          Your role can view these settings but not change them.
        </p>
      )}
    </form>
  );
}
