import { inngestFor } from '../../../events/inngest-client';
import type { RestockedRequest } from '../back-in-stock-delivery';
import { findRestockedStep, notifyRestocked } from '../back-in-stock-steps';
import { emailRetries as retries } from '../send-in-steps';

/**
 * Every 5 minutes, every waiting request: the product cell announces a product only when the
 * product as a whole goes in or out of stock, so a sold-out variant restocked while its siblings
 * were in stock is found here.
 */
export const sweepBackInStock = inngestFor('notification').createFunction(
  { id: 'sweep-back-in-stock', retries, triggers: [{ cron: '*/5 * * * *' }] },
  async ({ step }) => {
    const requests = (await step.run(findRestockedStep.id, () =>
      findRestockedStep.run(undefined),
    )) as RestockedRequest[];
    return notifyRestocked(step, requests);
  },
);
