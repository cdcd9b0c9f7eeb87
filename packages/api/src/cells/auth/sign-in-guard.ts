import type { Logger } from 'pino';
import { tooManyRequests } from '../../trpc/retry-after';
import { authDatabase } from './database';
import { isKnownDevice, type Device } from './known-devices';
import { countLoginAttempt, throttledMessage } from './login-throttle';
import { alertAccountOwner } from './sign-in-alert';

/**
 * Lets a password attempt at `email` go ahead, or throws 429 with Retry-After:
 * - over the (account, address) limit: refused, whoever it is;
 * - over the address-wide or account-wide limit: refused unless this device signed in to the
 *   account before (its device token or its address), so a distributed attack on an account
 *   never locks its owner out of a device they use.
 * The owner is emailed once per window when their account is the target (not for an address
 * spraying many accounts). The answer is the same whether or not the email has an account.
 */
export async function admitPasswordAttempt(
  email: string,
  device: Device,
  logger: Logger,
): Promise<void> {
  const counted = await countLoginAttempt(email, device.clientAddress);
  const window = {
    failedAttempts: counted.accountFailures,
    openedAt: counted.accountWindowOpenedAt,
  };
  if (counted.pairBlockedFor !== null) {
    alertAccountOwner(email, window, logger);
    throw refused(logger, device, counted.pairBlockedFor);
  }
  if (counted.sharedBlockedFor === null) return;

  const { Account } = await authDatabase.models();
  const account = await Account.findOne({ email, deletedAt: null }, { _id: 1 }).lean();
  if (account && (await isKnownDevice(account._id, device))) return;
  if (counted.accountCeilingReached) alertAccountOwner(email, window, logger);
  throw refused(logger, device, counted.sharedBlockedFor);
}

function refused(logger: Logger, device: Device, seconds: number) {
  logger.warn({ clientAddress: device.clientAddress }, 'login throttled');
  return tooManyRequests(throttledMessage, seconds);
}
