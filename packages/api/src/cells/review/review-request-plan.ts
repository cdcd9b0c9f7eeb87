import { Types } from 'mongoose';
import { derivedObjectId } from '@shop/db/claims';
import { serviceCellClient } from '../../cross-cell/service-client';
import { sendEvent } from '../../events/inngest-client';
import { reviewDatabase } from './database';
import { reviewRequestDue } from './events';
import { visibleProduct } from './product-lookup';
import { reviewLinkLifetimeMs, signReviewLink } from './request-link';

/** The id of a link's use record: the link's whole meaning (request-link.ts). */
export function linkUseId(orderId: string, productSlug: string, accountId: string) {
  return derivedObjectId('review-link', orderId, productSlug, accountId);
}

export type RequestPlan =
  | {
      outcome: 'due';
      orderId: string;
      orderNumber: string;
      accountId: string;
      email: string;
      products: { name: string; token: string }[];
    }
  | {
      outcome: 'skipped';
      reason: 'not_found' | 'not_delivered' | 'refunded' | 'erased' | 'all_reviewed';
    };

/**
 * What a review request for this order would say now, asked afresh before each email: the
 * order cell says whether the order is still delivered, unrefunded and tied to a live account;
 * the products the account has not reviewed (and whose link was not used) and that are still
 * for sale each get a link valid for 45 days from now.
 */
export async function planReviewRequest(orderId: string, now = new Date()): Promise<RequestPlan> {
  const order = await serviceCellClient('review').order.reviewRequestOrder.query({ orderId });
  if (!order.eligible) return { outcome: 'skipped', reason: order.reason };
  const { Review, ReviewLinkUse } = await reviewDatabase.models();
  const slugs = order.products.map((product) => product.slug);
  const [reviewed, usedLinks] = await Promise.all([
    Review.distinct('productSlug', {
      accountId: new Types.ObjectId(order.accountId),
      productSlug: { $in: slugs },
      deletedAt: null,
    }),
    ReviewLinkUse.find({
      _id: { $in: slugs.map((slug) => linkUseId(order.orderId, slug, order.accountId)) },
    })
      .select({ _id: 1 })
      .lean(),
  ]);
  const used = new Set(usedLinks.map((use) => String(use._id)));
  const expiresAt = new Date(now.getTime() + reviewLinkLifetimeMs);
  const products: { name: string; token: string }[] = [];
  for (const product of order.products) {
    if (reviewed.includes(product.slug)) continue;
    if (used.has(String(linkUseId(order.orderId, product.slug, order.accountId)))) continue;
    // A product no longer for sale cannot be reviewed; its link would only lead to a refusal.
    const onSale = await visibleProduct(product.slug).then(
      () => true,
      (error: unknown) => {
        if ((error as { code?: string }).code === 'NOT_FOUND') return false;
        throw error;
      },
    );
    if (!onSale) continue;
    const token = signReviewLink({
      orderId: order.orderId,
      accountId: order.accountId,
      productSlug: product.slug,
      expiresAt,
    });
    products.push({ name: product.name, token });
  }
  if (products.length === 0) return { outcome: 'skipped', reason: 'all_reviewed' };
  return {
    outcome: 'due',
    orderId: order.orderId,
    orderNumber: order.number,
    accountId: order.accountId,
    email: order.email,
    products,
  };
}

/**
 * Plans the request (or reminder) now and, when one is due, sends `review/review-request.due`
 * for the notification cell. Answers only the outcome: the address and the links stay out of
 * the run's recorded step output.
 */
export async function announceReviewRequest(
  orderId: string,
  kind: 'request' | 'reminder',
): Promise<'sent' | Extract<RequestPlan, { outcome: 'skipped' }>['reason']> {
  const plan = await planReviewRequest(orderId);
  if (plan.outcome === 'skipped') return plan.reason;
  const { outcome: _due, ...request } = plan;
  await sendEvent('review', reviewRequestDue, { kind, ...request });
  return 'sent';
}
