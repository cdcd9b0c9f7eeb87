import type { EmailRequest } from './send-email';
import { sendInSteps } from './send-in-steps';
import type { EmailTemplateId } from './templates/registry';

/**
 * What the order emails (`functions/send-order-*-email.ts`, `functions/send-refund-issued-email.ts`,
 * one function per order event) share. Each message's dedupe key names the order (or the refund),
 * so a redelivered event, a retried run or a second event for the same change finds the first
 * message and never mails twice. Order mail is transactional: it goes out whatever the shopper's
 * marketing preferences.
 */

export interface OrderEventData {
  orderId: string;
  number: string;
  accountId?: string;
  email?: string;
  name: string;
}

type StepTools = Parameters<typeof sendInSteps>[0];

/** What every order template shows to identify the order and link to it. */
export function orderRef(data: OrderEventData) {
  return { orderId: data.orderId, number: data.number, accountId: data.accountId, name: data.name };
}

/**
 * Sends the email, or nothing when the order has no address any more (anonymised after the
 * account was deleted): that is not a failure, there is simply nobody to tell.
 */
export async function sendOrderEmail<TId extends EmailTemplateId>(
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
