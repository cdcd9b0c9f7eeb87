import { defineSagaStep } from '../saga-step';
import {
  endBackInStockRequest,
  restockedRequests,
  type RestockedRequest,
} from './back-in-stock-delivery';
import { giveUpStep, sendEmailStep } from './send-in-steps';

export const findRestockedStep = defineSagaStep({ id: 'find-restocked', run: restockedRequests });
export const endRequestStep = defineSagaStep({ id: 'end-request', run: endBackInStockRequest });

interface StepTools {
  run<T>(id: string, work: () => Promise<T>): Promise<unknown>;
}

/**
 * Sends each restocked request its one email, each in its own step (a failure of one does not
 * stop the others), then ends the request. The dedupe key is the request, so a second run that
 * finds the same request (event and sweep at once) sends nothing more.
 */
export async function notifyRestocked(step: StepTools, requests: readonly RestockedRequest[]) {
  let sent = 0;
  for (const request of requests) {
    const email = {
      template: 'back-in-stock' as const,
      to: request.email,
      props: {
        productName: request.productName,
        variantLabel: request.variantLabel,
        productSlug: request.productSlug,
        sku: request.sku,
        priceMinor: request.priceMinor,
        currency: request.currency,
      },
      dedupeKey: `back-in-stock:${request.requestId}`,
    };
    try {
      await step.run(sendEmailStep.id, () => sendEmailStep.run(email));
      sent += 1;
    } catch {
      await step.run(giveUpStep.id, () => giveUpStep.run(email));
    }
    await step.run(endRequestStep.id, () => endRequestStep.run(request.requestId));
  }
  return { sent, ended: requests.length };
}
