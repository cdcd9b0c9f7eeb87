import { inngestFor } from '../../../events/inngest-client';
import { reviewRequestDue } from '../../../events/schemas';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';

/**
 * The review cell's request (or its one reminder) for a delivered order. Marketing: `send-email.ts`
 * sends it only to a confirmed, unsuppressed subscriber, with one-click unsubscribe, and skips it
 * otherwise. One email per order and kind (dedupe key).
 */
export const sendReviewRequestEmail = inngestFor('notification').createFunction(
  { id: 'send-review-request-email', retries, triggers: [reviewRequestDue] },
  async ({ event: { data }, step }) =>
    sendInSteps(step, {
      template: 'review-request',
      to: data.email,
      accountId: data.accountId,
      orderNumber: data.orderNumber,
      props: {
        orderNumber: data.orderNumber,
        reminder: data.kind === 'reminder',
        products: data.products,
      },
      dedupeKey: `review-${data.kind}:${data.orderId}`,
    }),
);
