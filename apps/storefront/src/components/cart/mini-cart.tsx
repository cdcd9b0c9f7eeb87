'use client';

import { formatMoney } from '@shop/money';
import { buttonClassNames, Spinner } from '@shop/ui';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef } from 'react';
import { useTRPC } from '@/browser/trpc';
import { BagIcon } from './bag-icon';
import { cartButtonLabel } from './cart-count';
import { LineThumbnail } from './line-thumbnail';
import { setMiniCartOpen, useMiniCartOpen } from './mini-cart-store';
import { useCart } from './use-cart';

/**
 * The header's cart button (its name says how many items: "Cart, 2 items") and a panel with the
 * lines, the subtotal, "Checkout" and "View cart". A non-modal disclosure: Escape or a click
 * outside closes it and focus returns to the button. Rendered in the browser only, like the
 * account slot, because pages are cached HTML shared by every shopper.
 */
export function MiniCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const cart = useCart();
  const open = useMiniCartOpen();
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // A navigation may follow a sign-in (the guest cart merges) or a placed order (the cart is
  // emptied): ask again, and close the panel.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.order.cart.queryKey() });
    setMiniCartOpen(false);
  }, [pathname, queryClient, trpc]);

  // Opening moves focus into the panel so it is announced; Escape and "Close" put it back on
  // the button (close below), a click elsewhere leaves it where the shopper clicked.
  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setMiniCartOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setMiniCartOpen(false);
    buttonRef.current?.focus();
  };
  const data = cart.data;
  const count = data?.itemCount;

  return (
    <div
      className="relative"
      data-testid="mini-cart"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label={cartButtonLabel(count)}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="mini-cart-button"
        data-count={count ?? ''}
        onClick={() => setMiniCartOpen(!open)}
        className="relative inline-flex size-10 items-center justify-center rounded-control text-ink-muted transition-colors hover:bg-surface-sunken hover:text-ink"
      >
        <BagIcon />
        {count ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-accent-600 px-1 text-xs font-semibold text-on-accent"
          >
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          data-testid="mini-cart-panel"
          className="fixed inset-x-3 top-16 z-40 rounded-card border border-line bg-surface p-4 shadow-raised focus:outline-none sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between">
            <h2 id={headingId} className="text-base font-semibold text-ink">
              Your cart
            </h2>
            <button
              type="button"
              onClick={close}
              className="rounded-control px-2 py-1 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink"
            >
              Close<span className="sr-only"> cart</span>
            </button>
          </div>
          {cart.isPending ? (
            <Spinner label="Loading your cart" className="mt-4" />
          ) : cart.isError || !data ? (
            <p className="mt-3 text-sm text-ink-muted">
              We could not load your cart just now.{' '}
              <button
                type="button"
                className="font-medium text-accent-700 underline"
                onClick={() => void cart.refetch()}
              >
                Try again
              </button>
            </p>
          ) : data.lines.length === 0 ? (
            <p className="mt-3 text-sm text-ink-muted">Your cart is empty.</p>
          ) : (
            <>
              {data.notices.length > 0 ? (
                <p className="mt-3 rounded-control bg-warning-soft px-3 py-2 text-sm text-warning">
                  Something in your cart changed. Review it before you check out.
                </p>
              ) : null}
              <ul className="mt-3 flex max-h-80 flex-col divide-y divide-line overflow-y-auto">
                {data.lines.map((line) => (
                  <li key={line.sku} className="flex gap-3 py-3" data-testid="mini-cart-line">
                    <LineThumbnail
                      line={line}
                      className="w-14 shrink-0 overflow-hidden rounded-control"
                    />
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="truncate font-medium text-ink">{line.name}</p>
                      {line.variantLabel ? (
                        <p className="truncate text-ink-muted">{line.variantLabel}</p>
                      ) : null}
                      <p className="text-ink-muted">Qty {line.quantity}</p>
                    </div>
                    <p className="text-sm font-medium text-ink tabular-nums">
                      {formatMoney(line.lineTotalMinor, data.currency)}
                    </p>
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex items-center justify-between border-t border-line pt-3 text-sm">
                <span className="text-ink-muted">Subtotal</span>
                <span
                  className="font-semibold text-ink tabular-nums"
                  data-testid="mini-cart-subtotal"
                >
                  {formatMoney(data.subtotalMinor, data.currency)}
                </span>
              </div>
            </>
          )}
          <div className="mt-4 grid grid-cols-2 gap-2">
            <Link href="/cart" className={buttonClassNames({ variant: 'secondary' })}>
              View cart
            </Link>
            {data && data.lines.length > 0 ? (
              <Link href="/checkout" className={buttonClassNames()}>
                Checkout
              </Link>
            ) : (
              <Link href="/products" className={buttonClassNames()}>
                Shop all
              </Link>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
