import { describe, expect, it } from 'vitest';
import { reviewJsonLd } from './review-json-ld';

const summary = {
  productId: 'p',
  productSlug: 'lamp',
  average: 4.5,
  count: 2,
  perStar: [0, 0, 0, 1, 1] as [number, number, number, number, number],
  verifiedCount: 1,
};
const shown = (id: string, rating: number, verified: boolean) => ({
  id,
  rating,
  title: `Title ${id}`,
  body: 'Body',
  verified,
  incentivised: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  helpfulCount: 0,
  unhelpfulCount: 0,
  photoCount: 0,
  photos: [],
  reply: null,
});

describe('review JSON-LD', () => {
  it('has no rating markup at all without reviews, even if the product carried a rating', () => {
    const product = { name: 'Lamp', aggregateRating: { ratingValue: '4.1' } };
    const merged = { ...product, ...reviewJsonLd('Lamp', { ...summary, count: 0 }, []) };
    expect(JSON.parse(JSON.stringify(merged))).toEqual({ name: 'Lamp' });
    expect(JSON.parse(JSON.stringify(reviewJsonLd('Lamp', null, [])))).toEqual({});
  });

  it('describes exactly the reviews shown, with the fields Google requires', () => {
    const ld = reviewJsonLd('Lamp', summary, [shown('a', 5, true), shown('b', 4, false)]);
    expect(ld.aggregateRating).toMatchObject({
      ratingValue: '4.5',
      ratingCount: 2,
      reviewCount: 2,
    });
    expect(ld.review).toHaveLength(2);
    expect(ld.review?.[0]).toMatchObject({
      '@type': 'Review',
      author: { '@type': 'Person', name: 'Verified buyer' },
      itemReviewed: { '@type': 'Product', name: 'Lamp' },
      reviewRating: { ratingValue: '5' },
      datePublished: '2026-12-01',
    });
  });
});
