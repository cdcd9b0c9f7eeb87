import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { notificationDatabase } from '../database';
import type { CustomerMarketingInput } from '../inputs';
import { toCustomerMarketingView, type CustomerMarketingView } from '../views';

/**
 * Staff (customers:read): one address's newsletter consent as this cell holds it (the only
 * consent marketing mail obeys), with how it was given or withdrawn and any suppression.
 */
export async function customerMarketing({
  input,
}: HandlerArgs<CustomerMarketingInput, SignedInContext>): Promise<CustomerMarketingView> {
  const { Subscriber, Suppression } = await notificationDatabase.models();
  const email = input.email.trim().toLowerCase();
  const [subscriber, suppression] = await Promise.all([
    Subscriber.findOne({ email }).lean(),
    Suppression.findOne({ email }).lean(),
  ]);
  return toCustomerMarketingView(subscriber, suppression);
}
