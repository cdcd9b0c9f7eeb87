'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

const reviewIds = z
  .array(z.string().regex(/^[0-9a-f]{24}$/i))
  .min(1)
  .max(100);
const reasons = ['profanity', 'spam', 'off_topic', 'personal_data', 'other'] as const;
const text = (data: FormData, name: string, max: number) =>
  String(data.get(name) ?? '')
    .trim()
    .slice(0, max);

/** Back to the queue the moderator came from, with what happened in `done`. */
function backTo(data: FormData, done: string): never {
  const from = text(data, 'from', 500);
  const query = new URLSearchParams(from.startsWith('?') ? from.slice(1) : '');
  query.set('done', done);
  redirect(`/reviews?${query}` as Route);
}

/** Approve or reject the ticked reviews (bulk), with a reason from the list for a rejection. */
export async function moderateReviews(data: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/sign-in?returnTo=/reviews' as Route);
  const ids = reviewIds.safeParse(data.getAll('reviewId'));
  if (!ids.success) backTo(data, 'none-selected');
  const decision = text(data, 'decision', 20);
  const client = cellsAs(session).review;
  let outcome = 'failed';
  try {
    if (decision === 'approve') {
      const { changed } = await client.approve.mutate({ reviewIds: ids.data });
      outcome = `approved-${changed}`;
    } else {
      const reason = z.enum(reasons).safeParse(text(data, 'reason', 40));
      if (!reason.success) backTo(data, 'reason-needed');
      const { changed } = await client.reject.mutate({
        reviewIds: ids.data,
        reason: reason.data,
        note: text(data, 'note', 500),
      });
      outcome = `rejected-${changed}`;
    }
  } catch {
    outcome = 'failed';
  }
  backTo(data, outcome);
}

/** The merchant's public reply under a review ('' removes it). */
export async function replyToReview(data: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/sign-in?returnTo=/reviews' as Route);
  const id = z
    .string()
    .regex(/^[0-9a-f]{24}$/i)
    .safeParse(text(data, 'reviewId', 30));
  if (!id.success) backTo(data, 'failed');
  let outcome = 'replied';
  try {
    await cellsAs(session).review.reply.mutate({
      reviewId: id.data,
      text: text(data, 'reply', 2000),
    });
  } catch {
    outcome = 'failed';
  }
  backTo(data, outcome);
}
