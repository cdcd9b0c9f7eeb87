import { inngestFor } from '../../../events/inngest-client';
import { productUpdated } from '../../../events/schemas';
import type { RestockedRequest } from '../back-in-stock-delivery';
import { findRestockedStep, notifyRestocked } from '../back-in-stock-steps';
import { emailRetries as retries } from '../send-in-steps';

/**
 * A product changed (the product cell announces a product whose stock crossed zero): its waiting
 * "email me when available" requests whose SKU is back get their one email.
 */
export const notifyBackInStock = inngestFor('notification').createFunction(
  { id: 'notify-back-in-stock', retries, triggers: [productUpdated] },
  async ({ event, step }) => {
    const requests = (await step.run(findRestockedStep.id, () =>
      findRestockedStep.run(event.data.productId),
    )) as RestockedRequest[];
    return notifyRestocked(step, requests);
  },
);
