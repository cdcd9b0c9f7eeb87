'use client';

import { formatMoney } from '@shop/money';
import { Button, TextField } from '@shop/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/browser/trpc';
import { refusalCode, shopperMessage } from '@/components/cart/cell-error';

export type PaymentOutcome = {
  status: 'succeeded' | 'requires_action' | 'failed';
  message?: string;
};

interface Fields {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

/** "4242424242424242" → "4242 4242 4242 4242" as it is typed. */
function groupDigits(typed: string): string {
  return typed
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "1234" → "12 / 34" as it is typed. */
function formatExpiry(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

function check(fields: Fields): Partial<Record<keyof Fields, string>> {
  const errors: Partial<Record<keyof Fields, string>> = {};
  const digits = fields.number.replace(/\D/g, '');
  if (digits.length < 12) errors.number = 'Enter the card number.';
  const [month, year] = fields.expiry.split('/').map((part) => Number.parseInt(part.trim(), 10));
  if (!month || month < 1 || month > 12 || year === undefined || Number.isNaN(year)) {
    errors.expiry = 'Enter the expiry date as MM / YY.';
  }
  if (!/^\d{3,4}$/.test(fields.cvc)) errors.cvc = 'Enter the 3 or 4 digit security code.';
  if (!fields.name.trim()) errors.name = 'Enter the name on the card.';
  return errors;
}

/**
 * The built-in test processor's card form (it stands in for Stripe's Payment Element offline):
 * labelled fields with `cc-*` autocomplete and numeric keyboards. The card goes from the browser
 * to the payment cell, which never stores or logs the number or the security code.
 */
export function TestCardForm({
  paymentId,
  clientSecret,
  amountMinor,
  currency,
  onOutcome,
}: {
  paymentId: string;
  clientSecret: string;
  amountMinor: number;
  currency: string;
  onOutcome: (outcome: PaymentOutcome) => void;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.payment.confirmTestPayment.mutationOptions());
  const [fields, setFields] = useState<Fields>({ number: '', expiry: '', cvc: '', name: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [formError, setFormError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    const found = check(fields);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    const [month, year] = fields.expiry.split('/').map((part) => Number.parseInt(part.trim(), 10));
    confirm.mutate(
      {
        paymentId,
        clientSecret,
        card: {
          number: fields.number.replace(/\D/g, ''),
          expMonth: month!,
          expYear: year! < 100 ? 2000 + year! : year!,
          cvc: fields.cvc,
        },
        name: fields.name.trim(),
      },
      {
        onSuccess: onOutcome,
        onError: (error) => {
          if (refusalCode(error) === 'BAD_REQUEST') {
            setFormError('Check your card details.');
          } else {
            setFormError(shopperMessage(error));
          }
        },
      },
    );
  };

  const set =
    (field: keyof Fields, format: (value: string) => string = (value) => value) =>
    (event: { target: { value: string } }) =>
      setFields((current) => ({ ...current, [field]: format(event.target.value) }));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="card-form">
      <p className="text-sm text-ink-muted">
        Your items are reserved for a few minutes while you pay.
      </p>
      <TextField
        label="Card number"
        name="cardnumber"
        autoComplete="cc-number"
        inputMode="numeric"
        placeholder="1234 1234 1234 1234"
        value={fields.number}
        onChange={set('number', groupDigits)}
        error={errors.number}
        hint="Test payments only: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined."
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField
          label="Expiry date"
          name="cc-exp"
          autoComplete="cc-exp"
          inputMode="numeric"
          placeholder="MM / YY"
          value={fields.expiry}
          onChange={set('expiry', formatExpiry)}
          error={errors.expiry}
        />
        <TextField
          label="Security code (CVC)"
          name="cvc"
          autoComplete="cc-csc"
          inputMode="numeric"
          placeholder="123"
          value={fields.cvc}
          onChange={set('cvc', (value) => value.replace(/\D/g, '').slice(0, 4))}
          error={errors.cvc}
        />
      </div>
      <TextField
        label="Name on card"
        name="ccname"
        autoComplete="cc-name"
        value={fields.name}
        onChange={set('name')}
        error={errors.name}
      />
      {formError ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={confirm.isPending}>
        {confirm.isPending ? 'Paying…' : `Pay ${formatMoney(amountMinor, currency)}`}
      </Button>
    </form>
  );
}
