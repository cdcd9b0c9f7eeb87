import type { ConsentSource, SubscriberStatus } from '@shop/db/notification';
import { consentHistoryLimit } from '@shop/db/notification';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { inngestFor } from '../../events/inngest-client';
import { subscriptionConfirmed, subscriptionRequested } from './events';
import { notificationDatabase } from './database';
import { signLinkToken, verifyLinkToken } from './link-signing';

/** A confirmation link works for a week (long enough for a holiday, short enough to go stale). */
export const confirmationLifetimeMs = 7 * 24 * 60 * 60_000;
/** One confirmation email per address per 10 minutes: the form cannot flood someone's inbox. */
export const confirmationResendMs = 10 * 60_000;

export interface ConsentRequest {
  email: string;
  source: Extract<ConsentSource, 'footer' | 'checkout' | 'account'>;
  /** The exact words shown next to the box or button. */
  wording: string;
  accountId?: string;
}

const historyEntry = (
  status: SubscriberStatus,
  at: Date,
  source: ConsentSource,
  wording: string | null,
) => ({
  $each: [{ status, at, source, wording }],
  $slice: -consentHistoryLimit,
});

/**
 * Someone asked for marketing mail: the address becomes `pending` (unless already subscribed)
 * and gets a confirmation email (double opt-in), at most one per `confirmationResendMs`. Nothing
 * marketing is sent before it is confirmed. Answers the status after the request.
 */
export async function requestSubscription(
  request: ConsentRequest,
  now = new Date(),
): Promise<SubscriberStatus> {
  const email = request.email.trim().toLowerCase();
  const { Subscriber } = await notificationDatabase.models();
  const existing = await Subscriber.findOne({ email }).lean();
  if (existing?.status === 'subscribed') {
    if (request.accountId && !existing.accountId) {
      await Subscriber.updateOne({ _id: existing._id }, { $set: { accountId: request.accountId } });
    }
    return 'subscribed';
  }
  const pending = await Subscriber.findOneAndUpdate(
    { email, status: { $ne: 'subscribed' } },
    {
      $set: {
        status: 'pending',
        changedAt: now,
        source: request.source,
        wording: request.wording,
        ...(request.accountId && { accountId: request.accountId }),
      },
      $push: { history: historyEntry('pending', now, request.source, request.wording) },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (!pending || pending.status !== 'pending') return pending?.status ?? 'pending';

  // Claim this window's one confirmation email (conditional, so concurrent requests send one).
  const claimed = await Subscriber.findOneAndUpdate(
    {
      _id: pending._id,
      status: 'pending',
      $or: [
        { confirmationSentAt: null },
        { confirmationSentAt: { $lte: new Date(now.getTime() - confirmationResendMs) } },
      ],
    },
    { $set: { confirmationSentAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!claimed) return 'pending';
  const subscriberId = pending._id.toString();
  try {
    await inngestFor('notification').send({
      id: `subscription-requested-${subscriberId}-${now.getTime()}`,
      name: subscriptionRequested.name,
      data: subscriptionRequested.schema.parse({
        subscriberId,
        email,
        requestedAt: now.toISOString(),
      }),
    });
  } catch {
    // Not sent: give the window back so the shopper can ask again at once.
    await Subscriber.updateOne(
      { _id: pending._id, confirmationSentAt: now },
      { $set: { confirmationSentAt: null } },
    );
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'We could not send the confirmation email right now. Try again in a moment.',
    });
  }
  return 'pending';
}

/** The confirmation link's token: the subscriber and when it was asked for, signed. */
export function confirmationToken(subscriberId: string, requestedAt: Date): string {
  return signLinkToken(
    'confirm-subscription',
    `${subscriberId}.${requestedAt.getTime().toString(36)}`,
  );
}

export type ConfirmationOutcome = 'confirmed' | 'already-confirmed' | 'expired' | 'invalid';

/**
 * The confirmation link was followed: a pending address becomes `subscribed`. Confirming twice
 * is harmless (`already-confirmed`); a link older than a week, or one for an address that has
 * since unsubscribed, confirms nothing.
 */
export async function confirmSubscription(
  token: string,
  now = new Date(),
): Promise<ConfirmationOutcome> {
  const payload = verifyLinkToken('confirm-subscription', token);
  const [id, issued] = payload?.split('.') ?? [];
  const requestedAt = issued ? parseInt(issued, 36) : NaN;
  if (!id || !Types.ObjectId.isValid(id) || !Number.isFinite(requestedAt)) return 'invalid';
  const { Subscriber } = await notificationDatabase.models();
  const subscriber = await Subscriber.findById(id).lean();
  if (!subscriber) return 'invalid';
  if (subscriber.status === 'subscribed') return 'already-confirmed';
  if (subscriber.status !== 'pending') return 'invalid';
  if (now.getTime() - requestedAt > confirmationLifetimeMs) return 'expired';
  const confirmed = await Subscriber.findOneAndUpdate(
    { _id: subscriber._id, status: 'pending' },
    {
      $set: { status: 'subscribed', changedAt: now, confirmedAt: now },
      $push: {
        history: historyEntry('subscribed', now, subscriber.source, subscriber.wording ?? null),
      },
    },
    { returnDocument: 'after' },
  ).lean();
  // Lost a race with a second click: that click confirmed it.
  if (!confirmed) return 'already-confirmed';
  // The welcome newsletter; losing it loses a welcome, never the subscription.
  await inngestFor('notification')
    .send({
      id: `subscription-confirmed-${id}-${now.getTime()}`,
      name: subscriptionConfirmed.name,
      data: subscriptionConfirmed.schema.parse({ subscriberId: id, email: subscriber.email }),
    })
    .catch(() => undefined);
  return 'confirmed';
}

/** The unsubscribe link's token: the subscriber's id (not the address), signed. */
export function unsubscribeToken(subscriberId: string): string {
  return signLinkToken('unsubscribe', subscriberId);
}

/** The subscriber an unsubscribe token names, or null for a token that does not verify. */
export function subscriberIdOfUnsubscribeToken(token: string): string | null {
  const id = verifyLinkToken('unsubscribe', token);
  return id && Types.ObjectId.isValid(id) ? id : null;
}

/**
 * No more marketing mail to this subscriber, at once. Idempotent: unsubscribing again changes
 * nothing and adds no history. Answers false for an unknown subscriber.
 */
export async function unsubscribe(
  where: { subscriberId: string } | { email: string },
  source: Extract<ConsentSource, 'one-click' | 'email-link' | 'account' | 'staff'>,
  now = new Date(),
): Promise<boolean> {
  const { Subscriber } = await notificationDatabase.models();
  const filter =
    'subscriberId' in where
      ? { _id: where.subscriberId }
      : { email: where.email.trim().toLowerCase() };
  const found = await Subscriber.exists(filter);
  if (!found) return false;
  await Subscriber.updateOne(
    { ...filter, status: { $ne: 'unsubscribed' } },
    {
      $set: { status: 'unsubscribed', changedAt: now, source, wording: null },
      $push: { history: historyEntry('unsubscribed', now, source, null) },
    },
  );
  return true;
}

/** The consent of an address, for the account page; `none` when it never asked. */
export async function consentOf(email: string): Promise<SubscriberStatus | 'none'> {
  const { Subscriber } = await notificationDatabase.models();
  const found = await Subscriber.findOne({ email: email.trim().toLowerCase() })
    .select({ status: 1 })
    .lean();
  return found?.status ?? 'none';
}

/** The subscriber record behind a marketing email's unsubscribe link. */
export async function subscriberIdOf(email: string): Promise<string | null> {
  const { Subscriber } = await notificationDatabase.models();
  const found = await Subscriber.findOne({ email: email.trim().toLowerCase() })
    .select({ _id: 1 })
    .lean();
  return found ? found._id.toString() : null;
}

/**
 * Account deletion: the person's consent record (by account or address) and their back-in-stock
 * requests go. A suppression of the address stays: it only stops mail to it.
 */
export async function eraseConsentRecords({
  accountId,
  email,
}: {
  accountId: string;
  email: string;
}): Promise<{ subscribers: number; backInStock: number }> {
  const address = email.trim().toLowerCase();
  const { Subscriber, BackInStockRequest } = await notificationDatabase.models();
  const [subscribers, requests] = await Promise.all([
    Subscriber.deleteMany({ $or: [{ accountId }, { email: address }] }),
    BackInStockRequest.deleteMany({ email: address }),
  ]);
  return { subscribers: subscribers.deletedCount, backInStock: requests.deletedCount };
}
