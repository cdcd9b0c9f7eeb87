'use client';

import type { RouterOutputs } from '@shop/api/client';
import { Badge, Button, RatingStars } from '@shop/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/browser/trpc';
import { ReviewPhotos } from './review-photos';

type ShownReview = RouterOutputs['review']['forProduct']['items'][number];
type Vote = 'helpful' | 'unhelpful';

const reportReasons = [
  ['offensive', 'Offensive'],
  ['spam', 'Spam or advertising'],
  ['off_topic', 'Not about this product'],
  ['personal_data', 'Shares personal details'],
  ['fake', 'Looks fake'],
  ['other', 'Something else'],
] as const;

function whyRefused(error: unknown): string {
  const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
  if (status === 401) return 'Sign in to do this.';
  if (status === 429) return 'Too many at once; try again shortly.';
  if (status === 403) return 'You cannot vote on your own review.';
  return 'That did not work; try again.';
}

/** One published review: stars, badges, text, the merchant's reply, helpful votes, report. */
export function ReviewItem({ review, myVote }: { review: ShownReview; myVote: Vote | null }) {
  const trpc = useTRPC();
  const [counts, setCounts] = useState({
    helpful: review.helpfulCount,
    unhelpful: review.unhelpfulCount,
    mine: myVote,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState<(typeof reportReasons)[number][0]>('offensive');
  const vote = useMutation(
    trpc.review.vote.mutationOptions({
      onSuccess: (answer) =>
        setCounts({
          helpful: answer.helpfulCount,
          unhelpful: answer.unhelpfulCount,
          mine: answer.myVote,
        }),
      onError: (error) => setNotice(whyRefused(error)),
    }),
  );
  const report = useMutation(
    trpc.review.report.mutationOptions({
      onSuccess: () => {
        setReporting(false);
        setNotice('Thanks, a moderator will look at it.');
      },
      onError: (error) => setNotice(whyRefused(error)),
    }),
  );
  const castVote = (value: Vote) => {
    setNotice(null);
    vote.mutate({ reviewId: review.id, value: counts.mine === value ? 'none' : value });
  };
  const date = new Date(review.createdAt).toLocaleDateString('en-GB', { dateStyle: 'medium' });

  return (
    <li className="border-b border-line py-5" data-testid="review">
      <div className="flex flex-wrap items-center gap-2">
        <RatingStars average={review.rating} count={1} showCount={false} />
        <h3 className="font-semibold text-ink">{review.title}</h3>
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-muted">
        <span>{date}</span>
        {review.editedAt ? <span>(edited)</span> : null}
        {review.verified ? (
          <Badge tone="success" data-testid="verified-badge">
            Verified purchase
          </Badge>
        ) : null}
        {review.incentivised ? (
          <Badge tone="neutral" data-testid="incentive-badge">
            Received an incentive for this review
          </Badge>
        ) : null}
      </p>
      {review.body ? (
        <p className="mt-2 text-sm leading-relaxed whitespace-pre-line text-ink">{review.body}</p>
      ) : null}
      <ReviewPhotos photos={review.photos} label="Photos from this review" />
      {review.reply ? (
        <div className="mt-3 rounded-md bg-surface-muted p-3 text-sm" data-testid="merchant-reply">
          <p className="font-medium text-ink">Reply from the shop</p>
          <p className="mt-1 whitespace-pre-line text-ink-muted">{review.reply.text}</p>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-ink-muted">Was this helpful?</span>
        <Button
          size="sm"
          variant={counts.mine === 'helpful' ? 'primary' : 'secondary'}
          aria-pressed={counts.mine === 'helpful'}
          disabled={vote.isPending}
          onClick={() => castVote('helpful')}
        >
          Yes ({counts.helpful})
        </Button>
        <Button
          size="sm"
          variant={counts.mine === 'unhelpful' ? 'primary' : 'secondary'}
          aria-pressed={counts.mine === 'unhelpful'}
          disabled={vote.isPending}
          onClick={() => castVote('unhelpful')}
        >
          No ({counts.unhelpful})
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setReporting((open) => !open)}>
          Report
        </Button>
      </div>
      {reporting ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            report.mutate({ reviewId: review.id, reason });
          }}
        >
          <label className="flex items-center gap-2">
            <span>Reason</span>
            <select
              className="rounded border border-line bg-surface px-2 py-1"
              value={reason}
              onChange={(event) => setReason(event.target.value as typeof reason)}
            >
              {reportReasons.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <Button size="sm" type="submit" disabled={report.isPending}>
            Send report
          </Button>
        </form>
      ) : null}
      {notice ? (
        <p className="mt-2 text-sm text-ink-muted" role="status">
          {notice}
        </p>
      ) : null}
    </li>
  );
}
