import type { Types } from 'mongoose';
import { derivedObjectId } from '../claims/derived-object-id';
import { type GeneratedProduct } from './catalog/catalog-types';
import { seededRandom } from './seeded-random';

/** One demo review as the review cell would have left it once published and tallied. */
export interface DemoReview {
  _id: Types.ObjectId;
  productId: string;
  productSlug: string;
  accountId: Types.ObjectId;
  rating: number;
  title: string;
  body: string;
  helpfulCount: number;
  createdAt: Date;
}

/** Per product at most this many: enough to fill a page's summary, cheap to seed in every test. */
export const maxDemoReviewsPerProduct = 3;
/** Only the first products of a catalogue get demo reviews (a benchmark's 100,000 get none). */
export const demoReviewedProducts = 2000;

const titles: Record<number, readonly string[]> = {
  1: ['Disappointed', 'Not as described', 'Broke within a week'],
  2: ['Expected more', 'Just about usable', 'Too flimsy for the price'],
  3: ['Does the job', 'Fine, nothing special', 'Okay for the price'],
  4: ['Very good', 'Happy with it', 'Good value'],
  5: ['Excellent', 'Exactly what I wanted', 'Love it'],
};
const bodies: Record<number, readonly string[]> = {
  1: [
    'It stopped working after a few days and the finish was scratched when it arrived.',
    'The photos made it look much sturdier than it is. Returned it.',
  ],
  2: [
    'Works, but the quality does not match the price. I would not buy it again.',
    'Smaller than I thought and one part was loose.',
  ],
  3: [
    'It does what it should. Packaging could be better.',
    'Average quality, arrived on time. No complaints, no praise.',
  ],
  4: [
    'Well made and arrived quickly. One star off because the instructions were unclear.',
    'Good quality for the money; I use it every day.',
  ],
  5: [
    'Great quality, arrived well packed and looks just like the pictures.',
    'I bought a second one as a present. Highly recommended.',
  ],
};

/** Demo reviews are written between the product's publication and the catalogue's epoch. */
const reviewedUntil = Date.UTC(2026, 9, 1);

/** Stars drawn around the product's demo average, so its summary ends up near it. */
function starsNear(average: number, roll: number): number {
  // Two stars and more either side, so even well-rated products have the odd one-star review.
  return Math.min(5, Math.max(1, Math.round(average + (roll - 0.5) * 4.4)));
}

/**
 * Deterministic demo reviews for the generated catalogue: each active product the generator
 * marked as reviewed (its demo `rating`) gets 1 to 3 reviews (more for products the generator
 * gave more ratings), by made-up reviewers (accounts that do not exist, as after an erasure, so
 * none is "verified"), written between the product's publication and the catalogue's epoch.
 */
export function demoReviews(products: readonly GeneratedProduct[], seed: number): DemoReview[] {
  const random = seededRandom(seed ^ 0x5eed7e57);
  const reviews: DemoReview[] = [];
  for (const product of products.slice(0, demoReviewedProducts)) {
    if (product.status !== 'active' || product.rating.count === 0) continue;
    const wanted = Math.min(
      maxDemoReviewsPerProduct,
      1 + Math.floor(Math.log2(product.rating.count) / 3),
    );
    const from = product.publishedAt?.getTime() ?? reviewedUntil - 365 * 86_400_000;
    for (let index = 0; index < wanted; index += 1) {
      const rating = starsNear(product.rating.average, random.next());
      const accountId = derivedObjectId('demo-reviewer', product.slug, String(index));
      reviews.push({
        _id: derivedObjectId('review', product.slug, String(accountId)),
        productId: product._id,
        productSlug: product.slug,
        accountId,
        rating,
        title: random.pick(titles[rating]!),
        body: random.pick(bodies[rating]!),
        helpfulCount: Math.floor(random.next() ** 2 * 12),
        createdAt: new Date(from + Math.floor(random.next() * (reviewedUntil - from))),
      });
    }
  }
  return reviews;
}

/**
 * The catalogue with each product's rating as its published seeded reviews make it (what the
 * review cell's aggregate will hold), in place of the generator's demo figure.
 */
export function withReviewRatings<Catalog extends { products: readonly GeneratedProduct[] }>(
  catalog: Catalog,
  published: readonly { productId: string; rating: number }[],
): Catalog {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const review of published) {
    const entry = sums.get(review.productId) ?? { sum: 0, count: 0 };
    entry.sum += review.rating;
    entry.count += 1;
    sums.set(review.productId, entry);
  }
  const products = catalog.products.map((product) => {
    const entry = sums.get(product._id);
    const rating = entry
      ? { average: Math.round((entry.sum / entry.count) * 10) / 10, count: entry.count }
      : { average: 0, count: 0 };
    return { ...product, rating };
  });
  return { ...catalog, products };
}
