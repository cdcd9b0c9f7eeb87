'use client';

import { formatMoney } from '@shop/money';
import { Button, Input } from '@shop/ui';
import { useId, useState, type FormEvent } from 'react';
import type { CartView } from './cart-types';
import { shopperMessage } from './cell-error';
import { discountRefusal } from './discount-refusal';
import { useCartActions } from './use-cart';

/**
 * The discount code: a labelled field with "Apply" and the refusal right under it ("This code is
 * not valid for your cart", or after too many tries "Try again in 12 minutes"); once applied, the
 * code, what it does and "Remove".
 */
export function DiscountForm({ cart }: { cart: CartView }) {
  const { applyDiscount, removeDiscount } = useCartActions();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const inputId = useId();
  const errorId = useId();

  if (cart.discount) {
    return (
      <div
        className="flex items-start justify-between gap-3 rounded-control bg-success-soft px-3 py-2 text-sm"
        data-testid="applied-discount"
      >
        <div>
          <p className="font-medium text-success">
            Code {cart.discount.code}: −{formatMoney(cart.discount.amountMinor, cart.currency)}
          </p>
          <p className="text-ink-muted">{cart.discount.description}</p>
          {error ? (
            <p className="mt-1 font-medium text-danger" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="shrink-0 font-medium text-ink-muted underline hover:text-danger"
          disabled={removeDiscount.isPending}
          onClick={() =>
            removeDiscount.mutate(undefined, {
              onError: (failure) => setError(shopperMessage(failure)),
            })
          }
        >
          Remove<span className="sr-only"> discount code {cart.discount.code}</span>
        </button>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) return setError('Enter a discount code.');
    setError(undefined);
    applyDiscount.mutate(
      { code: trimmed },
      {
        onSuccess: () => setCode(''),
        onError: (failure) => setError(discountRefusal(failure)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="discount-form">
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        Discount code
      </label>
      <div className="mt-1.5 flex gap-2">
        <Input
          id={inputId}
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
        />
        <Button type="submit" variant="secondary" disabled={applyDiscount.isPending}>
          {applyDiscount.isPending ? 'Applying…' : 'Apply'}
        </Button>
      </div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
