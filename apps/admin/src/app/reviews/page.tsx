import { Badge, buttonClassNames, EmptyState, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { moderateReviews, replyToReview } from './actions';
import { ReviewPhotoStrip } from './review-photo-strip';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reviews' };

const pageSize = 20;
const statuses = ['pending', 'published', 'rejected'] as const;
type Status = (typeof statuses)[number];
const rejectionReasons = [
  ['profanity', 'Profanity'],
  ['spam', 'Spam'],
  ['off_topic', 'Off-topic'],
  ['personal_data', 'Personal data'],
  ['other', 'Other'],
] as const;
const doneMessages: Record<string, string> = {
  'none-selected': 'Tick at least one review first.',
  'reason-needed': 'Choose a reason to reject.',
  failed: 'That did not work. Reload and try again.',
  replied: 'Reply saved.',
};

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

function doneMessage(done: string): string | null {
  const [action, count] = done.split('-');
  if ((action === 'approved' || action === 'rejected') && count) {
    return `${count} ${count === '1' ? 'review' : 'reviews'} ${action}.`;
  }
  return doneMessages[done] ?? null;
}

/**
 * The moderation queue: reviews by state (pending first, oldest first), filtered by stars,
 * reports and verification; bulk approve or reject with a reason; each review with the order that
 * verified it, every decision so far, the reports shoppers made, and the merchant's reply. The
 * distribution of rejections by star sits on top, so a merchant can see it does not lean low.
 */
export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('reviews:moderate', '/reviews');
  const params = await searchParams;
  const status: Status = statuses.find((s) => s === one(params.status)) ?? 'pending';
  const ratingText = one(params.rating);
  const rating = /^[1-5]$/.test(ratingText) ? Number(ratingText) : undefined;
  const reportedOnly = one(params.reported) === '1';
  const verifiedOnly = one(params.verified) === '1';
  const page = Math.min(1000, Math.max(1, Number.parseInt(one(params.page) || '1', 10) || 1));
  const client = cellsAs(session).review;
  const [queue, distribution] = await Promise.all([
    callCell(({ signal }) =>
      client.moderationQueue.query(
        { status, rating, reportedOnly, verifiedOnly, page, pageSize },
        { signal },
      ),
    ),
    callCell(({ signal }) => client.rejectionDistribution.query(undefined, { signal })),
  ]);
  const reported = queue.ok ? queue.data.items.filter((review) => review.reportCount > 0) : [];
  const reports = new Map(
    await Promise.all(
      reported.map(async (review) => {
        const answer = await callCell(({ signal }) =>
          client.reports.query({ reviewId: review.id }, { signal }),
        );
        return [review.id, answer.ok ? answer.data : []] as const;
      }),
    ),
  );
  const filters = new URLSearchParams({
    status,
    ...(rating ? { rating: String(rating) } : {}),
    ...(reportedOnly ? { reported: '1' } : {}),
    ...(verifiedOnly ? { verified: '1' } : {}),
    ...(page > 1 ? { page: String(page) } : {}),
  });
  const from = `?${filters}`;
  const done = doneMessage(one(params.done));
  const pageHref = (target: number) => {
    const next = new URLSearchParams(filters);
    next.set('page', String(target));
    return `/reviews?${next}` as Route;
  };

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Reviews"
        description="Pending reviews wait here, oldest first. A review may never be rejected for being negative."
      />
      {done ? <Notice tone="info" title={done} /> : null}
      {distribution.ok ? (
        <section
          aria-labelledby="rejections"
          className="rounded-lg border border-line p-4"
          data-testid="rejection-distribution"
        >
          <h2 id="rejections" className="text-sm font-semibold text-ink">
            Rejections by star rating
          </h2>
          <p className="mt-1 text-xs text-ink-muted">
            Compare with published reviews: rejections should not lean towards low ratings.
          </p>
          {/* At 390 px the five columns fit only with narrower gaps; wider numbers scroll here. */}
          <div className="mt-3 overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr>
                  <th className="pr-4 text-left font-medium">Stars</th>
                  {[1, 2, 3, 4, 5].map((stars) => (
                    <th key={stars} className="px-2 text-right font-medium sm:px-3">
                      {stars}★
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th className="pr-4 text-left font-normal text-ink-muted">Rejected</th>
                  {distribution.data.rejected.map((n, index) => (
                    <td key={index} className="px-2 text-right tabular-nums sm:px-3">
                      {n}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th className="pr-4 text-left font-normal text-ink-muted">Published</th>
                  {distribution.data.published.map((n, index) => (
                    <td key={index} className="px-2 text-right tabular-nums sm:px-3">
                      {n}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <form role="search" action="/reviews" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1.5">
          <span className="font-medium text-ink">State</span>
          <select
            name="status"
            defaultValue={status}
            className="h-10 rounded-control border border-line-strong bg-surface px-3"
          >
            {statuses.map((value) => (
              <option key={value} value={value}>
                {value[0]!.toUpperCase() + value.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5">
          <span className="font-medium text-ink">Stars</span>
          <select
            name="rating"
            defaultValue={rating ? String(rating) : ''}
            className="h-10 rounded-control border border-line-strong bg-surface px-3"
          >
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((stars) => (
              <option key={stars} value={stars}>
                {stars}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="reported" value="1" defaultChecked={reportedOnly} />
          Reported only
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="verified" value="1" defaultChecked={verifiedOnly} />
          Verified only
        </label>
        <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
          Show reviews
        </button>
      </form>
      {!queue.ok ? (
        <Notice tone="degraded" title="Reviews cannot be shown right now">
          The review service is not answering. Reload the page in a moment.
        </Notice>
      ) : queue.data.items.length === 0 ? (
        <EmptyState
          title={
            status === 'pending'
              ? 'Nothing waits for moderation'
              : 'No review matches these filters'
          }
        />
      ) : (
        <>
          <form
            id="moderate"
            action={moderateReviews}
            className="flex flex-wrap items-end gap-3 rounded-lg bg-surface-muted p-3 text-sm"
          >
            <input type="hidden" name="from" value={from} />
            <button
              type="submit"
              name="decision"
              value="approve"
              className={buttonClassNames({ variant: 'primary' })}
            >
              Approve ticked
            </button>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Reason</span>
              <select
                name="reason"
                defaultValue=""
                className="h-10 rounded-control border border-line-strong bg-surface px-3"
              >
                <option value="">Choose…</option>
                {rejectionReasons.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Note (staff only)</span>
              <input
                name="note"
                maxLength={500}
                className="h-10 rounded-control border border-line-strong bg-surface px-3"
              />
            </label>
            <button
              type="submit"
              name="decision"
              value="reject"
              className={buttonClassNames({ variant: 'danger' })}
            >
              Reject ticked
            </button>
          </form>
          <ul className="flex flex-col gap-4" data-testid="review-queue">
            {queue.data.items.map((review) => (
              <li
                key={review.id}
                className="rounded-lg border border-line p-4"
                data-testid="queued-review"
              >
                <div className="flex flex-wrap items-start gap-3">
                  <input
                    type="checkbox"
                    form="moderate"
                    name="reviewId"
                    value={review.id}
                    aria-label={`Select the review "${review.title}"`}
                    className="mt-1"
                  />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span aria-label={`${review.rating} out of 5 stars`} className="text-warning">
                        {'★'.repeat(review.rating)}
                        <span className="text-line-strong">{'★'.repeat(5 - review.rating)}</span>
                      </span>
                      <strong className="text-ink">{review.title}</strong>
                      {review.verified ? (
                        <Badge tone="success">Verified</Badge>
                      ) : (
                        <Badge>Unverified</Badge>
                      )}
                      {review.incentivised ? <Badge tone="info">Incentivised</Badge> : null}
                      {review.reportCount > 0 ? (
                        <Badge tone="warning">Reported {review.reportCount}×</Badge>
                      ) : null}
                    </p>
                    <p className="mt-1 text-xs text-ink-muted">
                      Product{' '}
                      <a
                        className="underline"
                        href={`/catalog?q=${encodeURIComponent(review.productSlug)}`}
                      >
                        {review.productSlug}
                      </a>{' '}
                      · written {new Date(review.createdAt).toLocaleString('en-GB')} · version{' '}
                      {review.version}
                      {review.verifiedBy ? (
                        <>
                          {' '}
                          · verified by order{' '}
                          <Link
                            className="underline"
                            href={`/orders/${review.verifiedBy.orderId}` as Route}
                          >
                            {review.verifiedBy.number}
                          </Link>
                        </>
                      ) : null}
                      {review.photoCount > 0
                        ? ` · ${review.photoCount} ${review.photoCount === 1 ? 'photo' : 'photos'}`
                        : ''}
                    </p>
                    {review.body ? (
                      <p className="mt-2 text-sm whitespace-pre-line text-ink">{review.body}</p>
                    ) : null}
                    <ReviewPhotoStrip photos={review.photos} />
                    {review.rejectionReason ? (
                      <p className="mt-2 text-sm text-danger">
                        Rejected: {review.rejectionReason}
                        {review.rejectionNote ? ` (${review.rejectionNote})` : ''}
                      </p>
                    ) : null}
                    <details className="mt-2 text-xs text-ink-muted">
                      <summary>Decisions ({review.moderation.length})</summary>
                      <ul className="mt-1 list-disc pl-5">
                        {review.moderation.map((decision, index) => (
                          <li key={index}>
                            {new Date(decision.at).toLocaleString('en-GB')}: {decision.action} by{' '}
                            {decision.by === 'system'
                              ? 'the rules'
                              : `staff ${decision.staffAccountId ?? ''}`}
                            {decision.reasons.length ? ` (${decision.reasons.join(', ')})` : ''}
                            {decision.note ? `: ${decision.note}` : ''} · version {decision.version}
                          </li>
                        ))}
                      </ul>
                    </details>
                    {reports.get(review.id)?.length ? (
                      <details className="mt-1 text-xs text-ink-muted" open>
                        <summary>Reports</summary>
                        <ul className="mt-1 list-disc pl-5">
                          {reports.get(review.id)!.map((entry, index) => (
                            <li key={index}>
                              {entry.reason}
                              {entry.note ? `: ${entry.note}` : ''} (
                              {new Date(entry.at).toLocaleDateString('en-GB')})
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                    <form
                      action={replyToReview}
                      className="mt-3 flex flex-col gap-2 text-sm sm:flex-row sm:items-end"
                    >
                      <input type="hidden" name="from" value={from} />
                      <input type="hidden" name="reviewId" value={review.id} />
                      <label className="flex flex-1 flex-col gap-1">
                        <span className="font-medium">Public reply</span>
                        <textarea
                          name="reply"
                          rows={2}
                          maxLength={2000}
                          defaultValue={review.reply?.text ?? ''}
                          className="rounded-control border border-line-strong bg-surface px-3 py-2"
                        />
                      </label>
                      <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
                        Save reply
                      </button>
                    </form>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          {queue.data.hasMore || page > 1 ? (
            <nav aria-label="Pages" className="flex items-center gap-3">
              {page > 1 ? (
                <Link
                  href={pageHref(page - 1)}
                  className={buttonClassNames({ variant: 'secondary' })}
                >
                  Previous page
                </Link>
              ) : null}
              <p className="text-sm text-ink-muted">Page {page}</p>
              {queue.data.hasMore ? (
                <Link
                  href={pageHref(page + 1)}
                  className={buttonClassNames({ variant: 'secondary' })}
                >
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
