import type { Logger } from 'pino';
import { emailVerificationRequested, passwordResetRequested } from './events';
import { sendEvent } from '../../events/inngest-client';
import type { Types } from 'mongoose';
import { issueOneTimeToken } from './one-time-tokens';

/** Only the message: the event being sent holds a token, which must never reach a log. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Recipient {
  _id: Types.ObjectId;
  email: string;
  name: string;
}

/**
 * Issues an email-verification token and sends the event the notification cell mails. A failure
 * to send is logged, not thrown: the user can ask for another link.
 */
export async function sendVerificationEmail(account: Recipient, logger: Logger) {
  const { token, expiresAt } = await issueOneTimeToken(account._id, 'email-verification');
  try {
    await sendEvent('auth', emailVerificationRequested, {
      accountId: account._id.toString(),
      email: account.email,
      name: account.name,
      token,
      expiresAt: expiresAt.toISOString(),
    });
  } catch (error) {
    logger.warn(
      { error: messageOf(error), accountId: account._id.toString() },
      'verification email not sent',
    );
  }
}

/**
 * Issues a password-reset token and sends the event. The caller is answered ok either way (an
 * error would reveal that the email has an account), so a failure is logged as an error.
 */
export async function sendPasswordResetEmail(account: Recipient, logger: Logger) {
  const { token, expiresAt } = await issueOneTimeToken(account._id, 'password-reset');
  try {
    await sendEvent('auth', passwordResetRequested, {
      accountId: account._id.toString(),
      email: account.email,
      name: account.name,
      token,
      expiresAt: expiresAt.toISOString(),
    });
  } catch (error) {
    logger.error(
      { error: messageOf(error), accountId: account._id.toString() },
      'password reset email not sent',
    );
  }
}
