import { eventType } from 'inngest';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';

/**
 * Events the notification cell sends, named `notification/thing.happened` and re-exported by
 * `events/schemas.ts`. Besides these it reacts to other cells' events (see `functions.ts`).
 */

/**
 * Staff asked to send a failed email again (`notification.resendMessage`): the cell's own
 * `resend-message` function delivers it with the usual retries. `resendCount` names the request,
 * so a redelivered event finds the message already sent and sends nothing.
 */
export const messageResendRequested = eventType('notification/message.resend-requested', {
  schema: z.object({
    messageId: z.string().regex(objectIdTextPattern),
    resendCount: z.number().int().positive(),
  }),
});

/**
 * An email ended failed (no more attempts): the `alert-emails-failing` function raises a staff
 * alert when failures pile up.
 */
export const emailFailed = eventType('notification/email.failed', {
  schema: z.object({ messageId: z.string().min(1), template: z.string().min(1) }),
});

/**
 * Someone asked for marketing mail (footer, checkout, account): the cell mails the double opt-in
 * confirmation link. The link's token is made when the email is rendered, from these fields and
 * MAIL_LINK_SECRET, so no token travels in an event.
 */
export const subscriptionRequested = eventType('notification/subscription.requested', {
  schema: z.object({
    subscriberId: z.string().regex(objectIdTextPattern),
    email: z.email(),
    /** ISO 8601: when it was asked for; part of the signed link. */
    requestedAt: z.iso.datetime(),
  }),
});

/**
 * A shopper with a known email reached checkout with this cart: the abandoned-cart function
 * waits ABANDONED_CART_DELAY for an order from the same address, then sends one reminder where
 * consent allows. Sent by the notification cell itself (`notification.rememberCheckout`).
 */
export const checkoutStarted = eventType('notification/checkout.started', {
  schema: z.object({
    email: z.email(),
    lines: z
      .array(
        z.object({
          sku: z.string().min(1).max(64),
          name: z.string().max(200),
          quantity: z.number().int().min(1).max(99),
          unitPriceMinor: z.number().int().min(0),
        }),
      )
      .min(1)
      .max(50),
    currency: z.string().length(3),
  }),
});

/** A newsletter subscription was confirmed: the cell mails the welcome (the first newsletter). */
export const subscriptionConfirmed = eventType('notification/subscription.confirmed', {
  schema: z.object({ subscriberId: z.string().regex(objectIdTextPattern), email: z.email() }),
});
