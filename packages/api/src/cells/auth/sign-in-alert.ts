import type { Logger } from 'pino';
import { inngestFor } from '../../events/inngest-client';
import { authDatabase } from './database';
import { messageOf } from './emailed-links';
import { signInThrottled } from './events';
import { claimOwnerAlert } from './login-throttle';

interface ThrottledWindow {
  failedAttempts: number;
  openedAt: Date;
}

/**
 * Tells the owner, once per throttle window, that someone is trying to sign in to their account.
 * Not awaited by the refused request: whether an email goes out (the email has an account or not)
 * must not change how long the 429 takes. Failures are logged without the email.
 */
export function alertAccountOwner(email: string, window: ThrottledWindow, logger: Logger): void {
  void (async () => {
    if (!(await claimOwnerAlert(email))) return;
    const { Account } = await authDatabase.models();
    const account = await Account.findOne(
      { email, deletedAt: null },
      { _id: 1, email: 1, name: 1 },
    ).lean();
    if (!account) return;
    const accountId = account._id.toString();
    const since = window.openedAt.toISOString();
    await inngestFor('auth').send({
      // One email per account window, even if this send is retried.
      id: `sign-in-throttled-${accountId}-${window.openedAt.getTime()}`,
      name: signInThrottled.name,
      data: signInThrottled.schema.parse({
        accountId,
        email: account.email,
        name: account.name,
        failedAttempts: window.failedAttempts,
        since,
      }),
    });
    logger.info({ accountId }, 'owner told about throttled sign-ins');
  })().catch((error: unknown) =>
    logger.error({ error: messageOf(error) }, 'sign-in alert not sent'),
  );
}
