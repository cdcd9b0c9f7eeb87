'use client';

import { classNames, Price } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import { useState } from 'react';
import { trackEvent } from '@/browser/tracking/tracker-queue';
import type { CartLine } from './cart-types';
import { shopperMessage } from './cell-error';
import { LineStateBadge } from './line-state-badge';
import { LineThumbnail } from './line-thumbnail';
import { QuantityStepper } from './quantity-stepper';
import { useCartActions } from './use-cart';

/** "Linen Shirt (Blue / M)": how a line is named to screen readers in its controls. */
function lineName(line: CartLine): string {
  return line.variantLabel ? `${line.name} (${line.variantLabel})` : line.name;
}

/**
 * One line of the cart page: image, name, variant, unit price, stock state, a labelled quantity
 * stepper (capped at what is available), "Remove" and the line total. A refusal is shown on the
 * line it concerns.
 */
export function CartLineRow({ line, currency }: { line: CartLine; currency: string }) {
  const { update, remove } = useCartActions();
  const [error, setError] = useState<string>();
  const busy = update.isPending || remove.isPending;
  const href = `/products/${line.slug}?sku=${encodeURIComponent(line.sku)}` as Route;
  const name = lineName(line);
  const gone = line.state === 'unavailable' || line.state === 'out_of_stock';

  const setQuantity = (quantity: number) => {
    setError(undefined);
    update.mutate(
      { sku: line.sku, quantity },
      { onError: (failure) => setError(shopperMessage(failure)) },
    );
  };
  const removeLine = () => {
    setError(undefined);
    remove.mutate(
      { sku: line.sku },
      {
        onSuccess: () =>
          trackEvent({
            kind: 'cart_item_removed',
            productId: line.slug,
            // The tracker's limit is 1..99 per event, as for adding.
            quantity: Math.min(99, Math.max(1, line.quantity)),
          }),
        onError: (failure) => setError(shopperMessage(failure)),
      },
    );
  };

  return (
    <li
      className="flex gap-4 py-5"
      data-testid="cart-line"
      data-sku={line.sku}
      data-state={line.state}
      aria-busy={busy || undefined}
    >
      <Link href={href} tabIndex={-1} aria-hidden="true" className="shrink-0">
        <LineThumbnail line={line} className="w-20 overflow-hidden rounded-control sm:w-28" />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:justify-between">
        <div className="min-w-0">
          <Link href={href} className="font-medium text-ink hover:underline">
            {line.name}
          </Link>
          {line.variantLabel ? <p className="text-sm text-ink-muted">{line.variantLabel}</p> : null}
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <Price
              minor={line.unitPriceMinor}
              compareAtMinor={line.compareAtMinor}
              currency={currency}
            />
            <span className="text-ink-subtle">each</span>
            <LineStateBadge line={line} />
          </div>
          <div className="mt-3 flex flex-wrap items-end gap-3">
            {gone ? null : (
              <QuantityStepper
                label={`Quantity of ${name}`}
                hiddenLabel
                value={line.quantity}
                min={1}
                max={Math.max(1, line.maxQuantity)}
                disabled={busy}
                onChange={setQuantity}
              />
            )}
            <button
              type="button"
              onClick={removeLine}
              disabled={busy}
              className={classNames(
                'h-10 rounded-control px-2 text-sm font-medium text-ink-muted underline-offset-2 hover:text-danger hover:underline disabled:cursor-not-allowed',
                // Without the stepper beside it, line the word up with the text above.
                gone && '-ml-2',
              )}
            >
              Remove<span className="sr-only"> {name}</span>
            </button>
          </div>
          {error ? (
            <p className="mt-2 text-sm font-medium text-danger" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        {gone ? (
          // Not bought and not in the subtotal, so no total either.
          <p className="text-right text-sm text-ink-subtle">Not included</p>
        ) : (
          <p className="text-right font-semibold text-ink tabular-nums sm:text-base">
            <span className="sr-only">Line total: </span>
            <Price minor={line.lineTotalMinor} currency={currency} />
          </p>
        )}
      </div>
    </li>
  );
}
