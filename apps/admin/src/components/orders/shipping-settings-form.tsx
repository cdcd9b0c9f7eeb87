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
  /** True: prices are entered and shown including tax (EU); false: tax is added (US). */
  pricesIncludeTax: boolean;
  /** Per country: the standard rate (also shipping's), the reduced and the zero class's rates. */
  taxRates: { country: string; rate: string; reduced: string; zero: string }[];
}

type RateField = 'country' | 'rate' | 'reduced' | 'zero';

/** The settings as the order cell answers them (`order.shippingSettings`). */
export type ShippingSettingsValues = RouterOutputs['order']['shippingSettings'];

const euros = (minor: number) => minorToDecimalString(minor, 'EUR');
// Basis points are hundredths of a percent: the same exact conversion as cents.
const percent = (basisPoints: number) =>
  minorToDecimalString(basisPoints, 'EUR').replace(/\.00$/, '');

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
    pricesIncludeTax: values.pricesIncludeTax,
    taxRates: values.taxRates.map((rate) => ({
      country: rate.country,
      rate: percent(rate.taxRateBasisPoints),
      reduced: percent(rate.reducedRateBasisPoints),
      zero: percent(rate.zeroRateBasisPoints),
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
  const setRate = (index: number, field: RateField, value: string) =>
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

      <fieldset disabled={!canWrite} className="flex flex-col gap-3" data-testid="tax-mode">
        <legend className="mb-1 text-base font-semibold text-ink">Prices and tax</legend>
        {[
          {
            value: true,
            label: 'Prices include tax (EU)',
            hint: 'Prices are entered and shown with VAT; checkout shows the VAT they contain ("incl. VAT") and adds nothing.',
          },
          {
            value: false,
            label: 'Prices exclude tax (US)',
            hint: 'Prices are entered and shown without tax ("excl. tax"); checkout adds it per line.',
          },
        ].map((mode) => (
          <label key={String(mode.value)} className="flex items-start gap-3 text-sm text-ink">
            <input
              type="radio"
              name="pricesIncludeTax"
              className="mt-1"
              checked={draft.pricesIncludeTax === mode.value}
              onChange={() => setDraft((current) => ({ ...current, pricesIncludeTax: mode.value }))}
            />
            <span>
              <span className="font-medium">{mode.label}</span>
              <span className="block text-ink-muted">{mode.hint}</span>
            </span>
          </label>
        ))}
        {errors.pricesIncludeTax ? (
          <p className="text-sm font-medium text-danger">{errors.pricesIncludeTax}</p>
        ) : null}
      </fieldset>

      <fieldset disabled={!canWrite} className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold text-ink">Tax rates</legend>
        <p className="text-sm text-ink-muted">
          Percent by delivery country and product tax class (set on each product). Shipping is taxed
          at the standard rate. Countries not listed keep their default rates. Orders already placed
          keep the rates they were placed with.
        </p>
        <ul className="flex flex-col gap-3">
          {draft.taxRates.map((rate, index) => {
            const at = `taxRates.${index}`;
            const name = rate.country || 'new';
            return (
              <li
                key={index}
                className="grid grid-cols-2 items-start gap-2 rounded-card border border-line p-3 sm:grid-cols-[6rem_1fr_1fr_1fr_auto]"
                data-testid="tax-rate"
              >
                <TextField
                  label="Country"
                  maxLength={2}
                  autoComplete="off"
                  value={rate.country}
                  onChange={(e) => setRate(index, 'country', e.target.value.toUpperCase())}
                  error={errors[`${at}.country`]}
                />
                <TextField
                  label={`Standard % (${name})`}
                  inputMode="decimal"
                  value={rate.rate}
                  onChange={(e) => setRate(index, 'rate', e.target.value)}
                  error={errors[`${at}.taxRateBasisPoints`]}
                />
                <TextField
                  label={`Reduced % (${name})`}
                  inputMode="decimal"
                  value={rate.reduced}
                  onChange={(e) => setRate(index, 'reduced', e.target.value)}
                  error={errors[`${at}.reducedRateBasisPoints`]}
                />
                <TextField
                  label={`Zero class % (${name})`}
                  inputMode="decimal"
                  value={rate.zero}
                  onChange={(e) => setRate(index, 'zero', e.target.value)}
                  error={errors[`${at}.zeroRateBasisPoints`]}
                />
                {canWrite ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="sm:mt-7"
                    onClick={() =>
                      setDraft((current) => ({
                        ...current,
                        taxRates: current.taxRates.filter((_, other) => other !== index),
                      }))
                    }
                  >
                    Remove<span className="sr-only"> {rate.country || 'this rate'}</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {canWrite ? (
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                setDraft((current) => ({
                  ...current,
                  taxRates: [
                    ...current.taxRates,
                    { country: '', rate: '', reduced: '', zero: '0' },
                  ],
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
