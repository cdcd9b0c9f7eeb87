import type { EventType } from 'inngest';
import type { z } from 'zod';
import { inngestFor } from '../../events/inngest-client';
import type { StoredOrder } from './views';

type AnyEventSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * `sendEvent` with an event id: the saga, the settle functions and a retried procedure may all
 * try to announce the same change, and Inngest starts nothing new for an id it has seen (24 h),
 * so the shopper gets one email.
 */
export async function sendOrderEvent<TName extends string, TSchema extends AnyEventSchema>(
  event: EventType<TName, TSchema>,
  data: z.input<TSchema>,
  id: string,
): Promise<void> {
  const parsed = event.schema.parse(data);
  await inngestFor('order').send({ id, name: event.name, data: parsed });
}

/** Who an order event is about (the fields every order event starts with). */
export function orderRef(order: StoredOrder) {
  return {
    orderId: String(order._id),
    number: order.number,
    ...(order.accountId && { accountId: String(order.accountId) }),
    ...(order.customer?.email && { email: order.customer.email }),
    name: order.customer?.name ?? '',
  };
}
