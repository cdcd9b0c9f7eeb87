/**
 * What the payment cell needs from a card processor. Two implement it: Stripe (when
 * `STRIPE_SECRET_KEY` is set) and the built-in test processor (offline, Stripe's test cards).
 * Cash on delivery is not a processor: nothing is charged until the order is delivered.
 *
 * Every call that changes something carries an idempotency key, so a retried call (after a
 * timeout, a crash, a redelivered event) never charges or refunds twice.
 */
export interface CardPaymentProvider {
  readonly name: 'stripe' | 'test';
  /** Stripe's publishable key for Stripe.js; undefined for the test processor. */
  readonly publishableKey?: string;
  createPayment(request: CreateCardPayment): Promise<CreatedCardPayment>;
  /** The browser's client secret of an existing payment (a repeated start answers with it). */
  clientSecretOf(providerPaymentId: string): Promise<string | undefined>;
  /**
   * Cancels a payment that has not been paid. Answers `already_succeeded` when the shopper paid in
   * the meantime, so the caller refunds instead.
   */
  cancelPayment(
    providerPaymentId: string,
    idempotencyKey: string,
  ): Promise<'canceled' | 'already_succeeded'>;
  refund(request: ProviderRefundRequest): Promise<ProviderRefundResult>;
}

export interface CreateCardPayment {
  orderId: string;
  orderNumber: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
  email?: string;
}

export interface CreatedCardPayment {
  providerPaymentId: string;
  clientSecret: string;
}

export interface ProviderRefundRequest {
  providerPaymentId: string;
  amountMinor: number;
  idempotencyKey: string;
  orderId: string;
  reason: string;
}

export interface ProviderRefundResult {
  providerRefundId: string;
  /** Stripe may answer `pending` (the bank confirms later); both count as refunded here. */
  status: 'succeeded' | 'pending';
}

/** The provider refused or failed a call; `message` is safe to show to staff. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}
