import { hostConfig } from '../../../config/host';
import { inngestFor } from '../../../events/inngest-client';
import { orderCreated } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { cartRestoreToken } from '../cart-restore';
import { checkoutStarted } from '../events';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';

/** The wait for an order from the same address, ABANDONED_CART_DELAY long. */
export const waitForOrderStepId = 'wait-for-order';
export const restoreLinkStep = defineSagaStep({
  id: 'restore-link',
  run: async (lines: { sku: string; quantity: number }[]) => cartRestoreToken(lines),
});

/**
 * Abandoned cart: checkout was reached with a known email; if no order from that address
 * follows within ABANDONED_CART_DELAY, one reminder with the items and a restore link. It is
 * marketing, so `send-email.ts` sends it only to a confirmed, unsuppressed subscriber (else the
 * run ends with `skipped`). One run per address per 24 hours (the idempotency key), so a shopper
 * who keeps changing their cart gets one reminder, not one per change.
 */
export const abandonedCartReminder = inngestFor('notification').createFunction(
  {
    id: 'abandoned-cart-reminder',
    retries,
    triggers: [checkoutStarted],
    idempotency: 'event.data.email',
  },
  async ({ event, step }) => {
    const ordered = await step.waitForEvent(waitForOrderStepId, {
      event: orderCreated,
      timeout: hostConfig().ABANDONED_CART_DELAY,
      match: 'data.email',
    });
    if (ordered) return { outcome: 'ordered' as const };
    const restoreToken = (await step.run(restoreLinkStep.id, () =>
      restoreLinkStep.run(event.data.lines.map(({ sku, quantity }) => ({ sku, quantity }))),
    )) as string;
    return sendInSteps(step, {
      template: 'abandoned-cart',
      to: event.data.email,
      props: {
        lines: event.data.lines.map(({ name, quantity, unitPriceMinor }) => ({
          name,
          quantity,
          unitPriceMinor,
        })),
        currency: event.data.currency,
        restoreToken,
      },
      dedupeKey: `abandoned-cart:${event.id ?? event.data.email}`,
    });
  },
);
