import type { RouterOutputs } from '@shop/api/client';

type Summary = RouterOutputs['review']['summary'];
type ShownReview = RouterOutputs['review']['forProduct']['items'][number];

/**
 * The review part of the product's JSON-LD, built only from what the page shows: the rating
 * summary it displays and the reviews rendered in its HTML (author, rating, item name, as Google
 * requires). `aggregateRating: undefined` when there are no reviews, which also drops any rating
 * the product JSON-LD had from elsewhere (JSON.stringify leaves undefined out).
 */
export function reviewJsonLd(productName: string, summary: Summary | null, shown: ShownReview[]) {
  if (!summary || summary.count <= 0 || shown.length === 0) {
    return { aggregateRating: undefined, review: undefined };
  }
  return {
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: summary.average.toFixed(1),
      ratingCount: summary.count,
      reviewCount: summary.count,
      bestRating: '5',
      worstRating: '1',
    },
    review: shown.map((review) => ({
      '@type': 'Review',
      name: review.title,
      reviewBody: review.body || undefined,
      datePublished: review.createdAt.slice(0, 10),
      // Reviews keep no author name (account erasure, privacy): the shop shows them anonymously.
      author: { '@type': 'Person', name: review.verified ? 'Verified buyer' : 'Customer' },
      itemReviewed: { '@type': 'Product', name: productName },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: String(review.rating),
        bestRating: '5',
        worstRating: '1',
      },
    })),
  };
}
