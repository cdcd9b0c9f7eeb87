import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics';

/**
 * What the shop's own flows did, counted where it happens (in the process that did it): order
 * status changes, time from placing to confirmation, payment outcomes, saga compensations, emails.
 * Counters only go up per process; dashboards and alerts use rate()/increase() summed over pods.
 */
const registers = [metricsRegistry];

export const orderTransitions = new Counter({
  name: 'shop_order_transitions_total',
  help: 'Order status changes, by status before and after',
  labelNames: ['from', 'to'] as const,
  registers,
});

export const orderCancellations = new Counter({
  name: 'shop_order_cancellations_total',
  help: 'Orders cancelled, by cancellation code (payment_failed, customer_request, ...)',
  labelNames: ['reason'] as const,
  registers,
});

export const orderConfirmationSeconds = new Histogram({
  name: 'shop_order_time_to_confirmation_seconds',
  help: 'From the order being placed to it being confirmed (payment received or cash accepted)',
  // A card checkout confirms in seconds; a 3-D Secure challenge can take minutes.
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800],
  registers,
});

export const confirmedRevenue = new Counter({
  name: 'shop_confirmed_order_value_minor_total',
  help: 'Order totals of confirmed orders in minor units (cents), by currency; refunds not deducted',
  labelNames: ['currency'] as const,
  registers,
});

export const paymentOutcomes = new Counter({
  name: 'shop_payments_total',
  help: 'Payments that reached an outcome, by outcome (succeeded, failed) and provider',
  labelNames: ['outcome', 'provider'] as const,
  registers,
});

export const sagaCompensations = new Counter({
  name: 'shop_saga_compensations_total',
  help: 'Saga compensations run (something taken is given back), by step and outcome',
  labelNames: ['step', 'outcome'] as const,
  registers,
});

export const emailsDelivered = new Counter({
  name: 'shop_emails_total',
  help: 'Emails that reached an end state, by template and outcome (sent, failed)',
  labelNames: ['template', 'outcome'] as const,
  registers,
});

export const emailAttemptFailures = new Counter({
  name: 'shop_email_attempt_failures_total',
  help: 'Delivery attempts that failed and will be retried',
  registers,
});

/** Called by the order cell after a status change it made (order-transitions.ts). */
export function recordOrderTransition(change: {
  from: string;
  to: string;
  placedAt?: Date;
  cancellationCode?: string;
  totalMinor?: number;
  currency?: string;
}): void {
  orderTransitions.labels(change.from, change.to).inc();
  if (change.to === 'CANCELLED')
    orderCancellations.labels(change.cancellationCode ?? 'other').inc();
  if (change.to === 'CONFIRMED' && change.totalMinor !== undefined && change.currency) {
    confirmedRevenue.labels(change.currency).inc(change.totalMinor);
  }
  if (change.to === 'CONFIRMED' && change.placedAt) {
    orderConfirmationSeconds.observe(Math.max(0, (Date.now() - change.placedAt.getTime()) / 1000));
  }
}

/**
 * Sign-ups, counted by the auth cell when an account is created. With
 * `shop_order_transitions_total{to="CONFIRMED"}` (orders per minute: rate × 60) and
 * `shop_confirmed_order_value_minor_total` (revenue per currency) these are the seed's business
 * metrics (docs/analytics.md).
 */
export const signUps = new Counter({
  name: 'shop_signups_total',
  help: 'Accounts registered',
  registers,
});

/** Product page views the analytics cell stored from shoppers' browsers (robots excluded). */
export const productViews = new Counter({
  name: 'shop_product_views_total',
  help: 'Product page views recorded from the storefront (deduplicated, robots and prefetches excluded)',
  registers,
});
