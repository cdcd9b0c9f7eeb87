import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { serviceCellClient } from '../../cross-cell/service-client';
import { reviewDatabase } from './database';
import { visibleProduct, type ReviewedProduct } from './product-lookup';
import type { VerifyingOrder } from './purchase-check';
import { readReviewLink, type ReviewLink } from './request-link';
import { linkUseId } from './review-request-plan';

export type LinkRefusal = 'invalid' | 'expired' | 'used' | 'reviewed' | 'unavailable';

export type LinkCheck =
  | { usable: true; link: ReviewLink; product: ReviewedProduct; order: VerifyingOrder }
  | { usable: false; refusal: LinkRefusal };

/** What the shopper is told for each refusal (the storefront page shows it as it is). */
export const linkRefusalMessages: Record<LinkRefusal, string> = {
  invalid: 'This review link is not valid. Check that the whole link from the email was used.',
  expired:
    'This review link has expired (links work for 45 days). Sign in to review the product from its page.',
  used: 'This link has already been used to write a review. Sign in to edit or delete it.',
  reviewed: 'You have already reviewed this product. Sign in to edit your review.',
  unavailable: 'This product can no longer be reviewed through this link.',
};

const refusalCodes: Record<LinkRefusal, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  expired: 'FORBIDDEN',
  used: 'CONFLICT',
  reviewed: 'CONFLICT',
  unavailable: 'FORBIDDEN',
};

export function linkRefusalError(refusal: LinkRefusal): TRPCError {
  return new TRPCError({ code: refusalCodes[refusal], message: linkRefusalMessages[refusal] });
}

/**
 * Whether a review request link may write its review now: the MAC is ours and the time not up;
 * the link has not written a review before; the account has no review of the product; the order
 * cell still answers the order as delivered, unrefunded and tied to the link's account (so an
 * erased account's links die), holding the product; and the product is still for sale. The order
 * is what verifies the review.
 */
export async function checkReviewLink(token: string): Promise<LinkCheck> {
  const read = readReviewLink(token);
  if (!read.valid) return { usable: false, refusal: 'invalid' };
  if (read.expired) return { usable: false, refusal: 'expired' };
  const { link } = read;
  const { Review, ReviewLinkUse } = await reviewDatabase.models();
  const [used, reviewed] = await Promise.all([
    ReviewLinkUse.exists({ _id: linkUseId(link.orderId, link.productSlug, link.accountId) }),
    Review.exists({
      productSlug: link.productSlug,
      accountId: new Types.ObjectId(link.accountId),
      deletedAt: null,
    }),
  ]);
  if (used) return { usable: false, refusal: 'used' };
  if (reviewed) return { usable: false, refusal: 'reviewed' };
  const order = await askOrderCell(link.orderId);
  if (
    !order.eligible ||
    order.accountId !== link.accountId ||
    !order.products.some((product) => product.slug === link.productSlug)
  ) {
    return { usable: false, refusal: 'unavailable' };
  }
  const product = await visibleProduct(link.productSlug).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!product) return { usable: false, refusal: 'unavailable' };
  return { usable: true, link, product, order: { orderId: order.orderId, number: order.number } };
}

async function askOrderCell(orderId: string) {
  try {
    return await serviceCellClient('review').order.reviewRequestOrder.query({ orderId });
  } catch (error) {
    // Not the shopper's fault: say so, and that trying again may work (never a 500).
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The link cannot be checked right now; try again in a moment',
      cause: error,
    });
  }
}
