'use client';

import { Button, Notice } from '@shop/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { trackEvent } from '@/browser/tracking/tracker-queue';
import { useTRPC } from '@/browser/trpc';
import { ReviewPhotoPicker, type PickedPhoto } from './review-photo-picker';

function messageOf(error: unknown): string {
  const data = (error as { data?: { httpStatus?: number }; message?: string }).data;
  if (data?.httpStatus === 401) return 'Sign in to write a review.';
  if (data?.httpStatus === 409 || data?.httpStatus === 400 || data?.httpStatus === 403) {
    return (error as { message?: string }).message ?? 'Check the review and try again.';
  }
  return 'Your review could not be sent; try again.';
}

/**
 * The shopper's review form: stars, title, text, photos, and whether it was written for an
 * incentive. With `linkToken` (the `/review` page of an emailed request) it is open at once and
 * writes through the link, without a sign-in.
 */
export function WriteReview({
  productSlug,
  linkToken,
}: {
  productSlug: string;
  linkToken?: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(Boolean(linkToken));
  const [rating, setRating] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [incentivised, setIncentivised] = useState(false);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const signedIn = useMutation(trpc.review.submit.mutationOptions());
  const byLink = useMutation(trpc.review.submitByLink.mutationOptions());
  const submit = linkToken ? byLink : signedIn;

  if (submit.isSuccess) {
    return (
      <div className="mt-4" data-testid="review-sent">
        <Notice tone="success" title="Thank you for your review">
          {submit.data.status === 'published'
            ? 'It is published.'
            : 'It will appear once a moderator has checked it.'}
        </Notice>
      </div>
    );
  }
  if (!open) {
    return (
      <Button className="mt-4" variant="secondary" onClick={() => setOpen(true)}>
        Write a review
      </Button>
    );
  }
  return (
    <form
      className="mt-4 space-y-3 rounded-lg border border-line p-4"
      data-testid="write-review"
      onSubmit={(event) => {
        event.preventDefault();
        if (rating === 0) return;
        const review = {
          rating,
          title,
          body,
          incentivised,
          photoIds: photos.map((photo) => photo.id),
        };
        // First-party analytics (docs/analytics.md): that a review was written, not its text.
        const onSuccess = () => trackEvent({ kind: 'review_written', productId: productSlug });
        if (linkToken) byLink.mutate({ token: linkToken, ...review }, { onSuccess });
        else signedIn.mutate({ productSlug, ...review }, { onSuccess });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-ink">Your rating</legend>
        <div className="mt-1 flex gap-1">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars} className="cursor-pointer text-2xl leading-none">
              <input
                type="radio"
                name="rating"
                value={stars}
                className="sr-only"
                checked={rating === stars}
                onChange={() => setRating(stars)}
              />
              <span
                aria-hidden="true"
                className={stars <= rating ? 'text-warning' : 'text-line-strong'}
              >
                ★
              </span>
              <span className="sr-only">{stars} stars</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm">
        <span className="font-medium text-ink">Title</span>
        <input
          className="mt-1 w-full rounded border border-line bg-surface px-2 py-1.5"
          required
          maxLength={120}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-ink">Your review</span>
        <textarea
          className="mt-1 w-full rounded border border-line bg-surface px-2 py-1.5"
          rows={4}
          maxLength={5000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </label>
      <ReviewPhotoPicker photos={photos} onChange={setPhotos} linkToken={linkToken} />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={incentivised}
          onChange={(event) => setIncentivised(event.target.checked)}
        />
        I received something (a discount, a free sample) for writing this review
      </label>
      {submit.isError ? <Notice tone="danger" title={messageOf(submit.error)} /> : null}
      <Button type="submit" disabled={submit.isPending || rating === 0}>
        Send review
      </Button>
    </form>
  );
}
