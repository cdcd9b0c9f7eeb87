import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import type { DeliveredPurchaseInput } from '../inputs';
import { orderDatabase } from '../database';

/** The delivered order that shows an account bought a product, or null. */
export interface DeliveredPurchase {
  orderId: string;
  number: string;
  deliveredAt: string | null;
}

/**
 * For the review cell's "verified purchase" (service permission `purchases:verify`): the account's
 * most recently delivered order holding the product. Answers only the order's id and number, never
 * its contents, so the review cell learns nothing else about the shopper.
 */
export async function deliveredPurchase({
  input,
}: HandlerArgs<DeliveredPurchaseInput, SignedInContext>): Promise<DeliveredPurchase | null> {
  const { Order } = await orderDatabase.models();
  const order = await Order.findOne({
    accountId: new Types.ObjectId(input.accountId),
    status: 'DELIVERED',
    'lines.productSlug': input.productSlug,
  })
    .sort({ deliveredAt: -1 })
    .select({ number: 1, deliveredAt: 1 })
    .lean();
  if (!order) return null;
  return {
    orderId: String(order._id),
    number: order.number,
    deliveredAt: order.deliveredAt ? order.deliveredAt.toISOString() : null,
  };
}
