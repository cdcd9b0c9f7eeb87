import type { InngestFunction } from 'inngest';
import { inngestFor } from '../../events/inngest-client';
import {
  orderCancelled,
  orderConfirmed,
  orderDelivered,
  orderRefunded,
  orderShipped,
} from '../../events/schemas';
import type { EmailRequest } from './send-email';
import { emailRetries as retries, sendInSteps } from './send-in-steps';
import type { EmailTemplateId } from './templates/registry';

/**
 * The order emails, one function per order event. Each message's dedupe key names the order (or
 * the refund), so a redelivered event, a retried run or a second event for the same change finds
 * the first message and never mails twice. Order mail is transactional: it goes out whatever the
 * shopper's marketing preferences.
 */

const inngest = inngestFor('notification');

interface OrderEventData {
  orderId: string;
  number: string;
  accountId?: string;
  email?: string;
  name: string;
}

type StepTools = Parameters<typeof sendInSteps>[0];

/** What every order template shows to identify the order and link to it. */
function orderRef(data: OrderEventData) {
  return { orderId: data.orderId, number: data.number, accountId: data.accountId, name: data.name };
}

/**
 * Sends the email, or nothing when the order has no address any more (anonymised after the
 * account was deleted): that is not a failure, there is simply nobody to tell.
 */
async function sendOrderEmail<TId extends EmailTemplateId>(
  step: StepTools,
  data: OrderEventData,
  request: Omit<EmailRequest<TId>, 'to' | 'accountId' | 'orderNumber'>,
) {
  if (!data.email) return { status: 'skipped', reason: 'no-recipient' } as const;
  // Omit<> of a generic request does not spread back into it; the fields are exactly the same.
  return sendInSteps(step, {
    ...request,
    to: data.email,
    accountId: data.accountId,
    orderNumber: data.number,
  } as EmailRequest<TId>);
}

export const sendOrderConfirmedEmail = inngest.createFunction(
  { id: 'send-order-confirmed-email', retries, triggers: [orderConfirmed] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-confirmed',
      dedupeKey: `order-confirmed:${data.orderId}`,
      props: {
        ...orderRef(data),
        lines: data.lines,
        subtotalMinor: data.subtotalMinor,
        discountMinor: data.discountMinor,
        shippingMinor: data.shippingMinor,
        taxMinor: data.taxMinor,
        totalMinor: data.totalMinor,
        currency: data.currency,
        shippingMethod: data.shippingMethod,
        paymentMethod: data.paymentMethod,
        shippingAddress: data.shippingAddress,
      },
    }),
);

export const sendOrderCancelledEmail = inngest.createFunction(
  { id: 'send-order-cancelled-email', retries, triggers: [orderCancelled] },
  async ({ event: { data }, step }) => {
    // The account's owner asked for their data to go; a goodbye about its orders is not wanted.
    if (data.code === 'account_deleted') return { status: 'skipped', reason: 'account-deleted' };
    // An order is cancelled once: one key for both templates, so only one of them can go out.
    const dedupeKey = `order-cancelled:${data.orderId}`;
    // A declined card: nothing was taken and the shopper can try again. A payment timeout is not
    // this case: the payment may have arrived late and been refunded (the message says which).
    if (data.code === 'payment_failed') {
      return sendOrderEmail(step, data, {
        template: 'payment-failed',
        dedupeKey,
        props: {
          ...orderRef(data),
          reason: data.message,
          totalMinor: data.totalMinor,
          currency: data.currency,
        },
      });
    }
    return sendOrderEmail(step, data, {
      template: 'order-cancelled',
      dedupeKey,
      props: {
        ...orderRef(data),
        reason: data.message,
        refundedMinor: data.refundedMinor,
        // The saga reserves stock before it asks for payment: sold out means never charged.
        beforePayment: data.code === 'sold_out',
        currency: data.currency,
      },
    });
  },
);

export const sendOrderShippedEmail = inngest.createFunction(
  { id: 'send-order-shipped-email', retries, triggers: [orderShipped] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-shipped',
      dedupeKey: `order-shipped:${data.orderId}`,
      props: {
        ...orderRef(data),
        carrier: data.carrier,
        trackingNumber: data.trackingNumber,
        trackingUrl: data.trackingUrl,
      },
    }),
);

export const sendOrderDeliveredEmail = inngest.createFunction(
  { id: 'send-order-delivered-email', retries, triggers: [orderDelivered] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-delivered',
      dedupeKey: `order-delivered:${data.orderId}`,
      props: orderRef(data),
    }),
);

export const sendRefundIssuedEmail = inngest.createFunction(
  { id: 'send-refund-issued-email', retries, triggers: [orderRefunded] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'refund-issued',
      // Several refunds per order, each told once.
      dedupeKey: `refund:${data.refundId}`,
      props: {
        ...orderRef(data),
        amountMinor: data.amountMinor,
        totalRefundedMinor: data.totalRefundedMinor,
        currency: data.currency,
      },
    }),
);

export const orderEmailFunctions: InngestFunction.Any[] = [
  sendOrderConfirmedEmail,
  sendOrderCancelledEmail,
  sendOrderShippedEmail,
  sendOrderDeliveredEmail,
  sendRefundIssuedEmail,
];
