import { NonRetriableError } from 'inngest';
import type { Types } from 'mongoose';
import { markAttemptFailed, markFailed } from './message-records';
import { RetryableSendError } from './retryable-send-error';
import { describeSmtpError, isPermanentSmtpError } from './smtp-errors';
import { isHardBounce, markBounced, suppress } from './suppression';

/**
 * After the SMTP server refused one message: records what it means and answers the error for
 * the caller. A hard bounce suppresses the address (no marketing mail to it again) and marks the
 * message failed and bounced; another permanent refusal marks it failed (both
 * `NonRetriableError`); anything else is a failed attempt: the message stays queued, its lease
 * released (`RetryableSendError`). Used by `sendTemplate` and by the campaign batch.
 */
export async function recordSmtpFailure(
  error: unknown,
  message: { _id: Types.ObjectId; to: string },
): Promise<NonRetriableError | RetryableSendError> {
  const description = describeSmtpError(error);
  if (isHardBounce(error)) {
    await suppress({
      email: message.to,
      reason: 'hard-bounce',
      source: 'smtp',
      detail: description,
      messageId: message._id.toString(),
    });
    await markFailed({ _id: message._id }, description);
    await markBounced({ _id: message._id }, description);
    return new NonRetriableError(`hard bounce: ${description}`);
  }
  if (isPermanentSmtpError(error)) {
    await markFailed({ _id: message._id }, description);
    return new NonRetriableError(`permanent SMTP failure: ${description}`);
  }
  await markAttemptFailed(message._id, description);
  return new RetryableSendError(`transient SMTP failure: ${description}`);
}
