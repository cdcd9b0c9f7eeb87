'use client';

import { formatMoney } from '@shop/money';
import { Button, buttonClassNames, Card, CardBody, EmptyState, Notice, Skeleton } from '@shop/ui';
import Link from 'next/link';
import { subtotalLabel } from '../tax-labels';
import { CartLineRow } from './cart-line-row';
import { CartNotices } from './cart-notices';
import { DiscountForm } from './discount-form';
import { blocksCheckout } from './line-state-badge';
import { useCart } from './use-cart';
import { BagIcon } from './bag-icon';

/**
 * The cart page: what changed (prominently), the lines with their controls, and a summary with
 * the discount code, the subtotal and "Checkout" (blocked while a line is sold out). Loaded in
 * the browser through the gateway, re-priced by the order cell on every visit.
 */
/** `pricesIncludeTax`: the store's tax mode, null when the order cell could not say. */
export function CartPageView({ pricesIncludeTax }: { pricesIncludeTax: boolean | null }) {
  const cart = useCart({ refetchOnMount: 'always' });

  if (cart.isPending) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading your cart"
        className="mt-8 grid gap-8 lg:grid-cols-3"
      >
        <div className="flex flex-col gap-4 lg:col-span-2">
          {[0, 1].map((index) => (
            <div key={index} className="flex gap-4">
              <Skeleton className="size-24" />
              <div className="flex flex-1 flex-col gap-2">
                <Skeleton className="h-5 w-1/2" />
                <Skeleton className="h-4 w-1/4" />
              </div>
            </div>
          ))}
        </div>
        <Skeleton className="h-48" />
      </div>
    );
  }

  if (cart.isError) {
    return (
      <Notice
        tone="danger"
        title="We could not load your cart"
        className="mt-8"
        action={
          <Button variant="secondary" size="sm" onClick={() => void cart.refetch()}>
            Try again
          </Button>
        }
      >
        The shop is not answering right now. Your cart is safe; try again in a moment.
      </Notice>
    );
  }

  const data = cart.data;
  if (data.lines.length === 0) {
    return (
      <div className="mt-8 flex flex-col gap-4">
        <CartNotices notices={data.notices} />
        <EmptyState
          title="Your cart is empty"
          icon={<BagIcon />}
          description="Find something you like and add it to your cart."
          action={
            <Link href="/products" className={buttonClassNames()}>
              Start shopping
            </Link>
          }
        />
      </div>
    );
  }

  const blocked = data.lines.filter(blocksCheckout);
  return (
    <div className="mt-6 flex flex-col gap-6">
      <CartNotices notices={data.notices} />
      <div className="grid gap-8 lg:grid-cols-3 lg:items-start">
        <section aria-labelledby="cart-lines" className="lg:col-span-2">
          <h2 id="cart-lines" className="sr-only">
            Items
          </h2>
          <ul className="divide-y divide-line border-y border-line">
            {data.lines.map((line) => (
              <CartLineRow key={line.sku} line={line} currency={data.currency} />
            ))}
          </ul>
        </section>
        <Card className="lg:sticky lg:top-24">
          <CardBody className="flex flex-col gap-4">
            <h2 className="text-base font-semibold text-ink">Order summary</h2>
            <DiscountForm cart={data} />
            <dl className="flex flex-col gap-2 border-t border-line pt-4 text-sm">
              <div className="flex justify-between">
                <dt className="text-ink-muted">
                  {pricesIncludeTax === null ? 'Subtotal' : subtotalLabel(pricesIncludeTax)},{' '}
                  {data.itemCount} {data.itemCount === 1 ? 'item' : 'items'}
                </dt>
                <dd className="font-medium text-ink tabular-nums" data-testid="cart-subtotal">
                  {formatMoney(data.subtotalMinor, data.currency)}
                </dd>
              </div>
              {data.discount ? (
                <div className="flex justify-between">
                  <dt className="text-ink-muted">Discount ({data.discount.code})</dt>
                  <dd className="font-medium text-success tabular-nums">
                    −{formatMoney(data.discount.amountMinor, data.currency)}
                  </dd>
                </div>
              ) : null}
              <div className="flex justify-between text-ink-muted" data-testid="cart-tax-note">
                {/* Prices including VAT: only shipping is still to come. */}
                <dt>{pricesIncludeTax ? 'Shipping' : 'Shipping and tax'}</dt>
                <dd>{pricesIncludeTax === false ? 'Tax added at checkout' : 'At checkout'}</dd>
              </div>
            </dl>
            {blocked.length > 0 ? (
              <p className="text-sm font-medium text-danger" id="checkout-blocked">
                Remove the sold-out {blocked.length === 1 ? 'item' : 'items'} to check out.
              </p>
            ) : null}
            {blocked.length > 0 ? (
              <Button size="lg" disabled aria-describedby="checkout-blocked">
                Checkout
              </Button>
            ) : (
              <Link href="/checkout" className={buttonClassNames({ size: 'lg' })}>
                Checkout
              </Link>
            )}
            <Link href="/products" className="text-center text-sm text-accent-700 hover:underline">
              Continue shopping
            </Link>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
