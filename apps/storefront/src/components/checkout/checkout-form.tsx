'use client';

import { formatMoney } from '@shop/money';
import {
  Button,
  buttonClassNames,
  Card,
  CardBody,
  EmptyState,
  Notice,
  Skeleton,
  TextField,
} from '@shop/ui';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { noteCheckoutEmail, placeOrder } from '@/app/checkout/actions';
import { NewsletterCheckbox } from '@/components/newsletter/newsletter-checkbox';
import { useTRPC } from '@/browser/trpc';
import { CartNotices } from '@/components/cart/cart-notices';
import { blocksCheckout } from '@/components/cart/line-state-badge';
import { LineThumbnail } from '@/components/cart/line-thumbnail';
import { useCart, useRefreshCart } from '@/components/cart/use-cart';
import { AddressFields } from './address-fields';
import {
  blankAddress,
  canPlaceOrder,
  checkoutFeedback,
  checkoutSubmission,
  shippingAddressOf,
} from './checkout-state';
import type {
  AddressInput,
  CheckoutOptions,
  PaymentMethodId,
  SavedAddress,
} from './checkout-types';
import { ChoiceList } from './choice-list';
import { deliveryEstimate } from './delivery-estimate';
import { TotalsList } from './totals-list';
import { BagIcon } from '@/components/cart/bag-icon';

const newAddress = 'new';

interface CheckoutFormProps {
  options: CheckoutOptions;
  /** The signed-in shopper (their email is the order's), or null for a guest. */
  account: { name: string; email: string } | null;
  savedAddresses: SavedAddress[];
}

/**
 * The whole checkout on one page: contact and address, shipping method, payment method and a
 * review with the cell's own totals (`order.quote`). "Place order" sends the same idempotency
 * key however often it is pressed (see below), so one checkout places at most one order.
 */
export function CheckoutForm({ options, account, savedAddresses }: CheckoutFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const refreshCart = useRefreshCart();
  const cart = useCart({ refetchOnMount: 'always' });

  const defaultSaved =
    savedAddresses.find((address) => address.isDefaultShipping) ?? savedAddresses[0];
  const [email, setEmail] = useState('');
  const [newsletter, setNewsletter] = useState(false);
  // A signed-in shopper's email is known from the start (see noteCheckoutEmail).
  const accountEmail = account?.email;
  useEffect(() => {
    if (accountEmail) void noteCheckoutEmail(accountEmail);
  }, [accountEmail]);
  const [addressChoice, setAddressChoice] = useState(defaultSaved?.id ?? newAddress);
  const [address, setAddress] = useState<AddressInput>(blankAddress);
  const [shippingMethodId, setShippingMethodId] = useState(options.shippingMethods[0]?.id ?? '');
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethodId>(
    options.paymentMethods[0]?.id ?? 'card',
  );
  // One key for this checkout until an order is placed: a double click, a retry after a lost
  // answer or a resubmission after fixing a field all send it. The order cell frees the key when
  // it refuses a submission (nothing placed), and answers the same order for a key that placed one.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [submitting, setSubmitting] = useState(false);
  const [placed, setPlaced] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [cartChanged, setCartChanged] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  // A refusal with field errors takes the shopper to the first field to fix (on a phone it may
  // be a long way above the button).
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  const saved = savedAddresses.find((candidate) => candidate.id === addressChoice);
  const shippingAddress = shippingAddressOf(saved, address);
  const country = shippingAddress.country;

  const quote = useQuery({
    ...trpc.order.quote.queryOptions(
      country && shippingMethodId ? { shippingMethodId, country } : skipToken,
    ),
    // Totals follow the cart: ask again whenever checkout is shown.
    staleTime: 0,
  });

  // The cart can change while checkout is open (the mini-cart, another tab): totals follow it.
  const queryClient = useQueryClient();
  const cartVersion = cart.dataUpdatedAt;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.order.quote.queryKey() });
  }, [cartVersion, queryClient, trpc]);

  if (cart.isPending) return <CheckoutSkeleton />;
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
        The shop is not answering right now. Try again in a moment.
      </Notice>
    );
  }
  if (cart.data.lines.length === 0 && !placed) {
    return (
      <EmptyState
        className="mt-8"
        title="Your cart is empty"
        icon={<BagIcon />}
        description="Add something to your cart, then come back to check out."
        action={
          <Link href="/products" className={buttonClassNames()}>
            Start shopping
          </Link>
        }
      />
    );
  }
  const blocked = cart.data.lines.filter(blocksCheckout);
  const discountedSubtotal = cart.data.subtotalMinor - (cart.data.discount?.amountMinor ?? 0);
  const currency = cart.data.currency;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting || placed || !quote.data) return;
    setSubmitting(true);
    setFormError(undefined);
    setFieldErrors({});
    const result = await placeOrder(
      checkoutSubmission({
        idempotencyKey,
        account,
        email,
        shippingAddress,
        shippingMethodId,
        paymentMethod,
        quotedTotalMinor: quote.data.totalMinor,
      }),
      { newsletter },
    ).catch(() => ({
      status: 'error' as const,
      message: 'We could not reach the shop. Try again: you will not be charged twice.',
    }));
    if (result.status === 'placed') {
      setPlaced(true);
      void refreshCart();
      router.push(result.next as Route);
      return;
    }
    setSubmitting(false);
    const feedback = checkoutFeedback(result, Boolean(saved));
    setFieldErrors(feedback.fieldErrors);
    setFormError(feedback.formError);
    if (feedback.cartChanged) {
      setCartChanged(feedback.cartChanged);
      void refreshCart();
      void quote.refetch();
    }
  };

  const addressChoices = [
    ...savedAddresses.map((saved) => ({
      value: saved.id,
      title: saved.name,
      description: [
        saved.line1,
        saved.line2,
        `${saved.postcode} ${saved.city}`,
        countryName(options, saved.country),
      ]
        .filter(Boolean)
        .join(', '),
    })),
    { value: newAddress, title: 'Use a new address' },
  ];

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="mt-6 grid gap-8 lg:grid-cols-5 lg:items-start"
      data-testid="checkout-form"
    >
      <div className="flex flex-col gap-6 lg:col-span-3">
        <CheckoutSection step={1} title="Contact and shipping address">
          {account ? (
            <p className="text-sm text-ink-muted">
              Signed in as <span className="font-medium text-ink">{account.email}</span>. We send
              the order confirmation there.
            </p>
          ) : null}
          {account ? (
            <NewsletterCheckbox checked={newsletter} onChange={setNewsletter} />
          ) : (
            <>
              <TextField
                label="Email"
                name="email"
                type="email"
                autoComplete="email"
                inputMode="email"
                hint="For your order confirmation and delivery updates."
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                onBlur={() => void noteCheckoutEmail(email)}
                error={fieldErrors.email}
                required
              />
              <NewsletterCheckbox checked={newsletter} onChange={setNewsletter} />
              <p className="text-sm text-ink-muted">
                Have an account?{' '}
                <Link
                  href={'/sign-in?callbackUrl=%2Fcheckout' as Route}
                  className="font-medium text-accent-700 hover:underline"
                >
                  Sign in
                </Link>{' '}
                for your saved addresses.
              </p>
            </>
          )}
          {savedAddresses.length > 0 ? (
            <ChoiceList
              legend="Shipping address"
              name="savedAddress"
              choices={addressChoices}
              value={addressChoice}
              onChange={setAddressChoice}
              testId="saved-addresses"
            />
          ) : null}
          {saved ? null : (
            <AddressFields
              value={address}
              onChange={setAddress}
              countries={options.countries}
              errors={fieldErrors}
            />
          )}
        </CheckoutSection>

        <CheckoutSection step={2} title="Shipping method">
          <ChoiceList
            legend="Shipping method"
            name="shippingMethodId"
            value={shippingMethodId}
            onChange={setShippingMethodId}
            error={fieldErrors.shippingMethodId}
            testId="shipping-methods"
            choices={options.shippingMethods.map((method) => ({
              value: method.id,
              title: method.name,
              description: (
                <>
                  {deliveryEstimate(method.minDays, method.maxDays)}
                  {method.freeOverMinor !== undefined
                    ? ` · free over ${formatMoney(method.freeOverMinor, options.currency)}`
                    : ''}
                  {method.description ? <span className="block">{method.description}</span> : null}
                </>
              ),
              aside: shippingPriceLabel(method, discountedSubtotal, options.currency),
            }))}
          />
        </CheckoutSection>

        <CheckoutSection step={3} title="Payment method">
          <ChoiceList
            legend="Payment method"
            name="paymentMethod"
            value={paymentMethod}
            onChange={(value) => setPaymentMethod(value as PaymentMethodId)}
            error={fieldErrors.paymentMethod}
            testId="payment-methods"
            choices={options.paymentMethods.map((method) => ({
              value: method.id,
              title: method.label,
              description:
                method.id === 'card'
                  ? 'You enter your card details on the next step.'
                  : 'Pay the courier when your order arrives.',
            }))}
          />
        </CheckoutSection>
      </div>

      <div className="lg:sticky lg:top-24 lg:col-span-2">
        <CheckoutSection step={4} title="Review and place your order">
          <CartNotices notices={cart.data.notices} />
          {cartChanged ? (
            <Notice tone="warning" title="Your cart changed" data-testid="cart-changed">
              {cartChanged} Check the new total below, then place your order again.
            </Notice>
          ) : null}
          <ul className="flex flex-col divide-y divide-line" data-testid="review-lines">
            {cart.data.lines.map((line) => (
              <li key={line.sku} className="flex gap-3 py-3 text-sm">
                <LineThumbnail
                  line={line}
                  className="w-12 shrink-0 overflow-hidden rounded-control"
                />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-ink">{line.name}</p>
                  <p className="text-ink-muted">
                    {line.variantLabel ? `${line.variantLabel} · ` : ''}Qty {line.quantity}
                  </p>
                </div>
                {blocksCheckout(line) ? (
                  <p className="font-medium text-danger">
                    {line.state === 'unavailable' ? 'Unavailable' : 'Sold out'}
                  </p>
                ) : (
                  <p className="font-medium text-ink tabular-nums">
                    {formatMoney(line.lineTotalMinor, currency)}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Link href="/cart" className="text-sm font-medium text-accent-700 hover:underline">
            Edit cart or add a discount code
          </Link>
          {quote.data ? (
            <TotalsList
              totals={quote.data}
              discountCode={cart.data.discount?.code}
              taxRateBasisPoints={singleRateOf(quote.data)}
            />
          ) : quote.isError ? (
            <p className="text-sm font-medium text-danger" role="alert">
              We could not work out your total just now.{' '}
              <button type="button" className="underline" onClick={() => void quote.refetch()}>
                Try again
              </button>
            </p>
          ) : country ? (
            <Skeleton className="h-28" />
          ) : (
            <p className="text-sm text-ink-muted" data-testid="choose-country">
              Choose a shipping country to see shipping, tax and your total.
            </p>
          )}
          {blocked.length > 0 ? (
            <Notice tone="danger" title="Something in your cart is sold out">
              <Link href="/cart" className="font-medium underline">
                Remove it from your cart
              </Link>{' '}
              to place your order.
            </Notice>
          ) : null}
          {formError ? (
            <p
              className="text-sm font-medium text-danger"
              role="alert"
              data-testid="checkout-error"
            >
              {formError}
            </p>
          ) : null}
          <Button
            type="submit"
            size="lg"
            disabled={
              !canPlaceOrder({
                submitting,
                placed,
                hasQuote: Boolean(quote.data),
                blockedLines: blocked.length,
              })
            }
            aria-disabled={submitting || placed || undefined}
          >
            {placed
              ? 'Order placed…'
              : submitting
                ? 'Placing your order…'
                : cartChanged
                  ? 'Confirm and place order'
                  : quote.data
                    ? `Place order · ${formatMoney(quote.data.totalMinor, quote.data.currency)}`
                    : 'Place order'}
          </Button>
          <p className="text-xs text-ink-subtle">
            {paymentMethod === 'card'
              ? 'Your card is charged on the next step, once your items are reserved.'
              : 'You pay in cash when your order is delivered.'}
          </p>
        </CheckoutSection>
      </div>
    </form>
  );
}

function CheckoutSection({
  step,
  title,
  children,
}: {
  step: number;
  title: string;
  children: ReactNode;
}) {
  const id = `checkout-step-${step}`;
  return (
    <Card>
      <section aria-labelledby={id}>
        <CardBody className="flex flex-col gap-4">
          <h2 id={id} className="flex items-center gap-3 text-lg font-semibold text-ink">
            <span
              aria-hidden="true"
              className="grid size-7 place-items-center rounded-full bg-accent-600 text-sm text-on-accent"
            >
              {step}
            </span>
            {title}
          </h2>
          {children}
        </CardBody>
      </section>
    </Card>
  );
}

function CheckoutSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading checkout" className="mt-6 grid gap-8 lg:grid-cols-5">
      <div className="flex flex-col gap-6 lg:col-span-3">
        <Skeleton className="h-72" />
        <Skeleton className="h-40" />
        <Skeleton className="h-32" />
      </div>
      <Skeleton className="h-96 lg:col-span-2" />
    </div>
  );
}

/** What a method costs this cart: "Free" once the discounted subtotal reaches its threshold. */
function shippingPriceLabel(
  method: CheckoutOptions['shippingMethods'][number],
  discountedSubtotalMinor: number,
  currency: string,
): string {
  const free =
    method.priceMinor === 0 ||
    (method.freeOverMinor !== undefined && discountedSubtotalMinor >= method.freeOverMinor);
  return free ? 'Free' : formatMoney(method.priceMinor, currency);
}

function countryName(options: CheckoutOptions, code: string): string {
  return options.countries.find((country) => country.code === code)?.name ?? code;
}

/** The rate to show beside the tax: only when every line (and shipping) had the same one. */
function singleRateOf(totals: {
  taxRateBasisPoints: number;
  lineTaxes: { taxRateBasisPoints: number }[];
}): number | undefined {
  const rate = totals.taxRateBasisPoints;
  return totals.lineTaxes.every((line) => line.taxRateBasisPoints === rate) ? rate : undefined;
}
