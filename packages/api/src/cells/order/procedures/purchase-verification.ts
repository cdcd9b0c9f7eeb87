import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import type { DeliveredPurchaseInput, ReviewRequestOrderInput } from '../inputs';
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

/** Whether a delivered order may still be asked for reviews, and what it holds. */
export type ReviewRequestOrder =
  | {
      eligible: true;
      orderId: string;
      number: string;
      accountId: string;
      email: string;
      /** Each product once, in the order's line order. */
      products: { slug: string; name: string }[];
    }
  | { eligible: false; reason: 'not_found' | 'not_delivered' | 'refunded' | 'erased' };

/**
 * For the review cell's review requests (service permission `purchases:verify`), asked after the
 * wait and again before each email: the order only while it is delivered, not refunded (even in
 * part) and still tied to an account with an address (an erased account's orders lose both).
 */
export async function reviewRequestOrder({
  input,
}: HandlerArgs<ReviewRequestOrderInput, SignedInContext>): Promise<ReviewRequestOrder> {
  const { Order } = await orderDatabase.models();
  const order = await Order.findById(new Types.ObjectId(input.orderId))
    .select({
      number: 1,
      status: 1,
      accountId: 1,
      customer: 1,
      lines: 1,
      refundedMinor: 1,
      anonymisedAt: 1,
    })
    .lean();
  if (!order) return { eligible: false, reason: 'not_found' };
  if (order.status !== 'DELIVERED') return { eligible: false, reason: 'not_delivered' };
  if ((order.refundedMinor ?? 0) > 0) return { eligible: false, reason: 'refunded' };
  const email = order.customer?.email;
  if (order.anonymisedAt || !order.accountId || !email)
    return { eligible: false, reason: 'erased' };
  const products = new Map<string, string>();
  for (const line of order.lines) {
    if (!products.has(line.productSlug)) products.set(line.productSlug, line.name);
  }
  return {
    eligible: true,
    orderId: String(order._id),
    number: order.number,
    accountId: String(order.accountId),
    email,
    products: [...products].map(([slug, name]) => ({ slug, name })),
  };
}
