'use client';

import type { RouterInputs, RouterOutputs } from '@shop/api/client';
import { RatingStars } from '@shop/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/browser/trpc';
import { RatingHistogram } from './rating-histogram';
import { ReviewItem } from './review-item';
import { WriteReview } from './write-review';

type Summary = RouterOutputs['review']['summary'];
type Page = RouterOutputs['review']['forProduct'];
type Sort = NonNullable<RouterInputs['review']['forProduct']['sort']>;

const sorts: [Sort, string][] = [
  ['recent', 'Most recent'],
  ['helpful', 'Most helpful'],
  ['highest', 'Highest rating'],
  ['lowest', 'Lowest rating'],
];

export interface ProductReviewsProps {
  productSlug: string;
  pageSize: number;
  /** What the server rendered (null when the review cell did not answer). */
  initialSummary: Summary | null;
  initialPage: Page | null;
}

/**
 * The product page's reviews: the summary with its clickable distribution, the list with sort,
 * filters and pages, votes and reports, the note on how reviews are checked, and the form.
 */
export function ProductReviews({
  productSlug,
  pageSize,
  initialSummary,
  initialPage,
}: ProductReviewsProps) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<Sort>('recent');
  const [stars, setStars] = useState<number[]>([]);
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const [withPhotos, setWithPhotos] = useState(false);
  const [page, setPage] = useState(1);
  const input = { productSlug, sort, stars, verifiedOnly, withPhotos, page, pageSize };
  const isDefault =
    sort === 'recent' && stars.length === 0 && !verifiedOnly && !withPhotos && page === 1;

  const summary = useQuery({
    ...trpc.review.summary.queryOptions({ productSlug }),
    initialData: initialSummary ?? undefined,
    initialDataUpdatedAt: 0,
  });
  const list = useQuery({
    ...trpc.review.forProduct.queryOptions(input),
    initialData: isDefault && initialPage ? initialPage : undefined,
    initialDataUpdatedAt: 0,
    placeholderData: (previous) => previous,
  });
  const shown = summary.data;
  const toggleStars = (value: number) => {
    setStars((current) =>
      current.includes(value) ? current.filter((s) => s !== value) : [...current, value],
    );
    setPage(1);
  };

  return (
    <section aria-labelledby="reviews" className="mt-14" data-testid="product-reviews">
      <h2 id="reviews" className="text-xl font-semibold text-ink">
        Customer reviews
      </h2>
      <div className="mt-4 grid gap-8 md:grid-cols-[18rem_1fr]">
        <div>
          {shown && shown.count > 0 ? (
            <>
              <p className="text-3xl font-semibold text-ink" data-testid="review-average">
                {shown.average.toFixed(1)}{' '}
                <span className="text-base text-ink-muted">out of 5</span>
              </p>
              <RatingStars average={shown.average} count={shown.count} className="mt-1" />
              <p className="mt-1 text-sm text-ink-muted">
                {shown.count} {shown.count === 1 ? 'review' : 'reviews'}, {shown.verifiedCount} from
                verified purchases
              </p>
              <RatingHistogram
                perStar={shown.perStar}
                count={shown.count}
                selected={stars}
                onToggle={toggleStars}
              />
            </>
          ) : (
            <p className="text-sm text-ink-muted">No reviews yet. Be the first to write one.</p>
          )}
          <WriteReview productSlug={productSlug} />
          <p className="mt-6 text-xs leading-relaxed text-ink-muted" data-testid="review-policy">
            How reviews are checked: anyone signed in may review a product once. Reviews marked
            &ldquo;Verified purchase&rdquo; come from customers whose order with this product was
            delivered. Every review is screened for profanity, links and spam; flagged ones, and
            every review with photos, are read by our staff before they appear. We never remove a
            review for being negative. Reviews written in exchange for an incentive are labelled.
          </p>
        </div>
        <div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              <span>Sort by</span>
              <select
                className="rounded border border-line bg-surface px-2 py-1"
                value={sort}
                onChange={(event) => {
                  setSort(event.target.value as Sort);
                  setPage(1);
                }}
              >
                {sorts.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={verifiedOnly}
                onChange={(event) => {
                  setVerifiedOnly(event.target.checked);
                  setPage(1);
                }}
              />
              Verified purchases only
            </label>
            <label className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={withPhotos}
                onChange={(event) => {
                  setWithPhotos(event.target.checked);
                  setPage(1);
                }}
              />
              With photos
            </label>
            {stars.length > 0 ? (
              <button type="button" className="underline" onClick={() => setStars([])}>
                Showing {[...stars].sort().join(', ')} stars: clear
              </button>
            ) : null}
          </div>
          {list.isError && !list.data ? (
            <p className="mt-4 text-sm text-ink-muted">Reviews could not be loaded right now.</p>
          ) : null}
          <ul aria-busy={list.isFetching} data-testid="review-list">
            {list.data?.items.map((review) => (
              <ReviewItem
                key={`${review.id}:${list.data.myVotes[review.id] ?? ''}`}
                review={review}
                myVote={list.data.myVotes[review.id] ?? null}
              />
            ))}
          </ul>
          {list.data && list.data.items.length === 0 && shown && shown.count > 0 ? (
            <p className="mt-4 text-sm text-ink-muted">No reviews match these filters.</p>
          ) : null}
          {list.data && (page > 1 || list.data.hasMore) ? (
            <nav className="mt-4 flex items-center gap-3 text-sm" aria-label="Review pages">
              <button
                type="button"
                className="underline disabled:no-underline disabled:opacity-50"
                disabled={page <= 1}
                onClick={() => setPage((p) => p - 1)}
              >
                Previous
              </button>
              <span>
                Page {page} of {Math.max(1, Math.ceil(list.data.total / pageSize))}
              </span>
              <button
                type="button"
                className="underline disabled:no-underline disabled:opacity-50"
                disabled={!list.data.hasMore}
                onClick={() => setPage((p) => p + 1)}
              >
                Next
              </button>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}
