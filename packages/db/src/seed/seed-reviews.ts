import { Types } from 'mongoose';
import { derivedObjectId } from '../claims/derived-object-id';
import { type OrderModels } from '../order';
import { type ReviewModels } from '../review';
import { type GeneratedProduct } from './catalog/catalog-types';
import { type DemoOrder } from './demo-orders';
import { type DemoReview } from './demo-reviews';

/** One of the demo shopper's own reviews of what they bought, before their account exists. */
export interface ShopperReviewPlan {
  productId: string;
  productSlug: string;
  rating: number;
  title: string;
  body: string;
  createdAt: Date;
  status: 'published' | 'pending';
  /** The order it is verified by, when that order was delivered. */
  verifyingOrderNumber: string | null;
}

/** The demo shopper's reviews: two published (verified by the delivered order), one waiting. */
export function shopperReviewPlans(
  orders: readonly DemoOrder[],
  products: readonly GeneratedProduct[],
): ShopperReviewPlan[] {
  const planned = [
    { order: orders[0], line: 0, rating: 5, title: 'Exactly as pictured', status: 'published' },
    { order: orders[0], line: 1, rating: 4, title: 'Lovely, arrived quickly', status: 'published' },
    {
      order: orders[1],
      line: 0,
      rating: 3,
      title: 'Good, but smaller than expected',
      status: 'pending',
    },
  ] as const;
  return planned.flatMap((plan) => {
    const line = plan.order?.lines[plan.line];
    const product = products.find((each) => each.slug === line?.productSlug);
    if (!plan.order || !line || !product) return [];
    return [
      {
        productId: product._id,
        productSlug: line.productSlug,
        rating: plan.rating,
        title: plan.title,
        body: `${plan.title}. Bought the ${line.name.toLowerCase()} and would recommend it.`,
        createdAt: new Date(plan.order.placedAt.getTime() + 10 * 86_400_000),
        status: plan.status,
        verifyingOrderNumber: plan.order.status === 'DELIVERED' ? plan.order.number : null,
      },
    ];
  });
}

interface SeededReview extends DemoReview {
  status: 'published' | 'pending';
  verifiedBy: { orderId: string; number: string } | null;
}

/** The review document as the review cell leaves a review it published (or held) and tallied. */
function reviewDocument(review: SeededReview) {
  const published = review.status === 'published';
  const verified = review.verifiedBy !== null;
  return {
    ...review,
    verified,
    incentivised: false,
    version: 1,
    rejection: null,
    moderation: [
      {
        action: published ? 'published' : 'held',
        by: 'system',
        at: review.createdAt,
        reasons: verified ? [] : ['unverified'],
        version: 1,
      },
    ],
    publishedAt: published ? review.createdAt : null,
    unhelpfulCount: 0,
    reportCount: 0,
    photos: [],
    reply: null,
    deletedAt: null,
    tally: published ? { rating: review.rating, verified } : null,
    tallyVersion: published ? 1 : 0,
    tallyPending: null,
    updatedAt: review.createdAt,
  };
}

/** Adds what newly written published reviews count to their products' aggregates. */
async function addToAggregates(
  written: readonly SeededReview[],
  { RatingAggregate }: ReviewModels,
): Promise<void> {
  const sums = new Map<string, { slug: string; perStar: number[]; verified: number }>();
  for (const review of written) {
    if (review.status !== 'published') continue;
    const entry = sums.get(review.productId) ?? {
      slug: review.productSlug,
      perStar: [0, 0, 0, 0, 0],
      verified: 0,
    };
    entry.perStar[review.rating - 1]! += 1;
    if (review.verifiedBy) entry.verified += 1;
    sums.set(review.productId, entry);
  }
  const existing = new Set(
    (
      await RatingAggregate.find({ _id: { $in: [...sums.keys()] } })
        .select({ _id: 1 })
        .lean()
    ).map((each) => String(each._id)),
  );
  const now = new Date();
  const fresh: object[] = [];
  const increments = [];
  for (const [productId, { slug, perStar, verified }] of sums) {
    const count = perStar.reduce((total, each) => total + each, 0);
    const sum = perStar.reduce((total, each, index) => total + each * (index + 1), 0);
    if (existing.has(productId)) {
      const inc: Record<string, number> = { count, sum, verifiedCount: verified };
      perStar.forEach((each, index) => (inc[`perStar.${index}`] = each));
      increments.push({ updateOne: { filter: { _id: productId }, update: { $inc: inc } } });
    } else {
      fresh.push({
        _id: new Types.ObjectId(productId),
        productSlug: slug,
        count,
        sum,
        perStar,
        verifiedCount: verified,
        appliedClaims: [],
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  if (fresh.length > 0) await RatingAggregate.collection.insertMany(fresh, { ordered: false });
  if (increments.length > 0) await RatingAggregate.bulkWrite(increments);
}

/**
 * Real demo reviews in the review cell's database, with each product's aggregate; the catalogue
 * was written with the same ratings (`withReviewRatings`), so cards, listings and search show
 * them from the start. Idempotent: reviews are keyed as the cell keys them (product and author)
 * and only missing ones are written and counted.
 */
export async function seedReviews(
  input: {
    generated: readonly DemoReview[];
    shopperPlans: readonly ShopperReviewPlan[];
    shopperId: Types.ObjectId;
  },
  review: ReviewModels,
  { Order }: OrderModels,
): Promise<void> {
  const { Review } = review;
  // Seeds before this one wrote the shopper's reviews without a product id, under other ids.
  await Review.deleteMany({ accountId: input.shopperId, productId: { $exists: false } });
  const shopperReviews: SeededReview[] = [];
  for (const plan of input.shopperPlans) {
    const order = plan.verifyingOrderNumber
      ? await Order.findOne({ number: plan.verifyingOrderNumber }).select({ _id: 1 }).lean()
      : null;
    const { verifyingOrderNumber, ...fields } = plan;
    shopperReviews.push({
      ...fields,
      _id: derivedObjectId('review', plan.productSlug, String(input.shopperId)),
      accountId: input.shopperId,
      helpfulCount: 0,
      verifiedBy:
        order && verifyingOrderNumber
          ? { orderId: String(order._id), number: verifyingOrderNumber }
          : null,
    });
  }
  const reviews: SeededReview[] = [
    ...shopperReviews,
    ...input.generated.map((each) => ({
      ...each,
      status: 'published' as const,
      verifiedBy: null,
    })),
  ];
  // Every review's id, read once: an `$in` of thousands of ids is a scan per id on the
  // in-memory stand-in.
  const existing = new Set(
    (await Review.find().select({ _id: 1 }).lean()).map((each) => String(each._id)),
  );
  const missing = reviews.filter((each) => !existing.has(String(each._id)));
  if (missing.length === 0) return;
  // The driver's insert: the documents carry their own timestamps and tallies, as written.
  await Review.collection.insertMany(missing.map(reviewDocument), { ordered: false });
  await addToAggregates(missing, review);
}
