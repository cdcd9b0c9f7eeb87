import 'server-only';
import { callCell, type RouterOutputs } from '@shop/api/client';
import { publicCells } from './public-cells';

export type ReviewSummary = RouterOutputs['review']['summary'];
export type ReviewPage = RouterOutputs['review']['forProduct'];

/** How many reviews the product page shows per page (server-rendered first, then in the browser). */
export const reviewPageSize = 10;

/**
 * The product's rating summary and first page of reviews (most recent first), for the product
 * page's HTML and its structured data. Shared by every shopper (no identity is sent), cached
 * with the page (ISR). Null when the review cell does not answer: the page still renders, and
 * the browser asks again.
 */
export async function getFirstReviews(
  productSlug: string,
): Promise<{ summary: ReviewSummary; page: ReviewPage } | null> {
  const result = await callCell(async ({ signal }) => {
    const client = publicCells();
    const [summary, page] = await Promise.all([
      client.review.summary.query({ productSlug }, { signal }),
      client.review.forProduct.query(
        { productSlug, sort: 'recent', page: 1, pageSize: reviewPageSize },
        { signal },
      ),
    ]);
    return { summary, page };
  });
  return result.ok ? result.data : null;
}
