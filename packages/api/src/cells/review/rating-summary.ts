import { reviewDatabase } from './database';

/** A product's rating as shoppers see it: published reviews only. */
export interface RatingSummary {
  productId: string;
  productSlug: string;
  /** Mean stars, one decimal; 0 when there are no reviews. */
  average: number;
  count: number;
  /** Reviews per star, index 0 = one star. */
  perStar: [number, number, number, number, number];
  verifiedCount: number;
}

export function emptyRatingSummary(productId: string, productSlug: string): RatingSummary {
  return {
    productId,
    productSlug,
    average: 0,
    count: 0,
    perStar: [0, 0, 0, 0, 0],
    verifiedCount: 0,
  };
}

export async function ratingSummaryOf(
  productId: string,
  productSlug: string,
): Promise<RatingSummary> {
  const { RatingAggregate } = await reviewDatabase.models();
  const aggregate = await RatingAggregate.findById(productId).lean();
  if (!aggregate || aggregate.count <= 0) return emptyRatingSummary(productId, productSlug);
  const perStar = [0, 1, 2, 3, 4].map((index) => aggregate.perStar[index] ?? 0);
  return {
    productId,
    productSlug: aggregate.productSlug,
    average: Math.round((aggregate.sum / aggregate.count) * 10) / 10,
    count: aggregate.count,
    perStar: perStar as RatingSummary['perStar'],
    verifiedCount: aggregate.verifiedCount,
  };
}
