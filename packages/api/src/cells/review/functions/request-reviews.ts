import { hostConfig } from '../../../config/host';
import { inngestFor } from '../../../events/inngest-client';
import {
  accountDeleted,
  orderCancelled,
  orderDelivered,
  orderRefunded,
} from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { announceReviewRequest } from '../review-request-plan';

/** The wait after delivery (REVIEW_REQUEST_DELAY) and before the reminder (REVIEW_REMINDER_DELAY). */
export const waitBeforeRequestStepId = 'wait-before-request';
export const waitBeforeReminderStepId = 'wait-before-reminder';
export const requestStep = defineSagaStep({
  id: 'request',
  run: (orderId: string) => announceReviewRequest(orderId, 'request'),
});
export const reminderStep = defineSagaStep({
  id: 'reminder',
  run: (orderId: string) => announceReviewRequest(orderId, 'reminder'),
});

/**
 * Review requests: a delivered order of an account waits REVIEW_REQUEST_DELAY, then one email
 * lists its products the shopper has not reviewed, one signed link each; REVIEW_REMINDER_DELAY
 * later at most one reminder with what is still unreviewed. A refund, a cancellation or the
 * account's deletion cancels the sleeping run, and each email is planned afresh anyway (the
 * order cell is asked again), so a missed cancellation still sends nothing. The notification cell
 * sends it as marketing (consent, suppression, one-click unsubscribe). Guest orders get none:
 * a review needs an account. One run per order (idempotency).
 */
export const requestReviews = inngestFor('review').createFunction(
  {
    id: 'request-reviews',
    triggers: [orderDelivered],
    idempotency: 'event.data.orderId',
    cancelOn: [
      { event: orderCancelled, match: 'data.orderId' },
      { event: orderRefunded, match: 'data.orderId' },
      { event: accountDeleted, if: 'async.data.accountId == event.data.accountId' },
    ],
  },
  async ({ event, step }) => {
    if (!event.data.accountId) return { request: 'guest' as const };
    const { orderId } = event.data;
    await step.sleep(waitBeforeRequestStepId, hostConfig().REVIEW_REQUEST_DELAY);
    const request = await step.run(requestStep.id, () => requestStep.run(orderId));
    if (request !== 'sent') return { request };
    await step.sleep(waitBeforeReminderStepId, hostConfig().REVIEW_REMINDER_DELAY);
    const reminder = await step.run(reminderStep.id, () => reminderStep.run(orderId));
    return { request, reminder };
  },
);
