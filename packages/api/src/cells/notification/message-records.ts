import { erasedRecipient, type MessageKind } from '@shop/db/notification';
import type { Types } from 'mongoose';
import { emailAttemptFailures, emailsDelivered } from '../../observability/business-metrics';
import { sendEvent } from '../../events/inngest-client';
import { rootLogger } from '../../observability/logger';
import { notificationDatabase } from './database';
import { emailFailed } from './events';

export interface NewMessage {
  template: string;
  dedupeKey: string;
  to: string;
  subject: string;
  kind: MessageKind;
  accountId?: string;
  orderNumber?: string;
  /** The template's props, kept for a resend (only for templates without a single-use link). */
  resendProps?: unknown;
}

/** Attempts kept on a record: enough to see a pattern, bounded so a record stays small. */
const attemptLogLength = 20;

export function attempt(outcome: 'sent' | 'retry' | 'failed', response: string | null) {
  return { $each: [{ at: new Date(), outcome, response }], $slice: -attemptLogLength };
}

/** How long one sender holds a message: longer than the transport's longest wait (connect + send). */
export const sendLeaseMs = 90_000;

/**
 * The message for (template, dedupe key), created `queued` the first time. Idempotent without
 * relying on a unique index: an upsert matching on both keys.
 */
export async function findOrCreateMessage(message: NewMessage) {
  const { Message } = await notificationDatabase.models();
  const found = await Message.findOneAndUpdate(
    { template: message.template, dedupeKey: message.dedupeKey },
    {
      $setOnInsert: {
        ...message,
        accountId: message.accountId ?? null,
        orderNumber: message.orderNumber ?? null,
        resendProps: message.resendProps ?? null,
        status: 'queued',
        attempts: 0,
      },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (!found) throw new Error('message upsert returned nothing');
  return found;
}

/**
 * Takes the message for one delivery attempt: only a `queued` one that no other sender holds.
 * Returns null when it is already sent or failed, or someone else is sending it right now.
 */
export async function claimForSending(id: Types.ObjectId) {
  const { Message } = await notificationDatabase.models();
  const now = new Date();
  return Message.findOneAndUpdate(
    { _id: id, status: 'queued', $or: [{ sendingUntil: null }, { sendingUntil: { $lt: now } }] },
    { $set: { sendingUntil: new Date(now.getTime() + sendLeaseMs) }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean();
}

export async function markSent(
  id: Types.ObjectId,
  providerMessageId: string | undefined,
  providerResponse?: string,
) {
  const { Message } = await notificationDatabase.models();
  // The document before the update says whether this call is the one that made it sent.
  const before = await Message.findOneAndUpdate(
    { _id: id },
    {
      $set: {
        status: 'sent',
        sentAt: new Date(),
        providerMessageId: providerMessageId ?? null,
        providerResponse: providerResponse ?? null,
        lastError: null,
        sendingUntil: null,
        // Sent: nothing left to resend, so the props (addresses, names) go.
        resendProps: null,
        sendingBy: null,
      },
      $push: { attemptLog: attempt('sent', providerResponse ?? null) },
    },
    { projection: { template: 1, status: 1 } },
  ).lean();
  if (before && before.status !== 'sent') emailsDelivered.labels(before.template, 'sent').inc();
}

/** A failed attempt that will be retried: the message stays `queued` and free to claim. */
export async function markAttemptFailed(id: Types.ObjectId, error: string) {
  const { Message } = await notificationDatabase.models();
  await Message.updateOne(
    { _id: id },
    {
      $set: { lastError: error, sendingUntil: null, sendingBy: null },
      $push: { attemptLog: attempt('retry', error) },
    },
  );
  emailAttemptFailures.inc();
}

/**
 * No more attempts: a permanent refusal (with its reason), or retries used up (the last attempt's
 * error is already recorded). Only a queued message changes: a sent one stays sent.
 */
export async function markFailed(
  where: { _id: Types.ObjectId } | { template: string; dedupeKey: string },
  error?: string,
) {
  const { Message } = await notificationDatabase.models();
  const failed = await Message.findOneAndUpdate(
    { ...where, status: 'queued' },
    {
      $set: {
        status: 'failed',
        failedAt: new Date(),
        sendingUntil: null,
        sendingBy: null,
        ...(error === undefined ? {} : { lastError: error }),
      },
      ...(error === undefined ? {} : { $push: { attemptLog: attempt('failed', error) } }),
    },
    { projection: { template: 1 } },
  ).lean();
  if (!failed) return;
  emailsDelivered.labels(failed.template, 'failed').inc();
  // For the staff alert on repeated failures; losing it loses an alert, never an email.
  await sendEvent('notification', emailFailed, {
    messageId: failed._id.toString(),
    template: failed.template,
  }).catch((error: unknown) =>
    rootLogger.warn({ cell: 'notification', err: error }, 'notification/email.failed not sent'),
  );
}

/**
 * Account deletion: the records stay (delivery statistics, and the dedupe keys that stop a late
 * retry from mailing the address again) but say nothing about the person any more.
 */
export async function eraseRecipient({ accountId, email }: { accountId: string; email: string }) {
  const { Message } = await notificationDatabase.models();
  const result = await Message.updateMany(
    { $or: [{ accountId }, { to: email.trim().toLowerCase() }] },
    {
      $set: {
        to: erasedRecipient,
        accountId: null,
        lastError: null,
        resendProps: null,
        attemptLog: [],
        erasedAt: new Date(),
      },
    },
  );
  return { erased: result.modifiedCount };
}
