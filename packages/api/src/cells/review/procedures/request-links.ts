import { isDuplicateKeyError } from '@shop/db/claims';
import { Types } from 'mongoose';
import type { HandlerArgs } from '../../../trpc/context';
import { reviewDatabase } from '../database';
import type { RequestLinkInput, SubmitByLinkInput } from '../inputs';
import {
  checkReviewLink,
  linkRefusalError,
  linkRefusalMessages,
  type LinkRefusal,
} from '../request-link-check';
import { linkUseId } from '../review-request-plan';
import { createReview } from '../review-writing';
import type { OwnReviewView } from '../views';

export type RequestLinkView =
  | { state: 'ready'; product: { slug: string; name: string } }
  | { state: LinkRefusal; message: string };

/**
 * `review.requestLink`: what the storefront's `/review?token=` page shows, without a sign-in:
 * the product the link reviews, or why it cannot (a clear page, never an error page).
 */
export async function requestLink({
  input,
}: HandlerArgs<RequestLinkInput>): Promise<RequestLinkView> {
  const check = await checkReviewLink(input.token);
  if (!check.usable) return { state: check.refusal, message: linkRefusalMessages[check.refusal] };
  return { state: 'ready', product: { slug: check.product.slug, name: check.product.name } };
}

/**
 * `review.submitByLink`: the review a request link allows, written without a sign-in as the
 * link's account and verified by the link's order. The link then counts as used (recorded after
 * the review is written, so a refusal or failure leaves it usable); a second use is refused with
 * 409 even after the review is deleted. Editing needs a sign-in.
 */
export async function submitByLink({
  input,
  ctx,
}: HandlerArgs<SubmitByLinkInput>): Promise<OwnReviewView> {
  const check = await checkReviewLink(input.token);
  if (!check.usable) throw linkRefusalError(check.refusal);
  const { link, product, order } = check;
  const { token: _token, ...text } = input;
  const review = await createReview(ctx, new Types.ObjectId(link.accountId), product, text, order);
  const { ReviewLinkUse } = await reviewDatabase.models();
  try {
    await ReviewLinkUse.create({
      _id: linkUseId(link.orderId, link.productSlug, link.accountId),
      reviewId: new Types.ObjectId(review.id),
      usedAt: new Date(),
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return review;
}
