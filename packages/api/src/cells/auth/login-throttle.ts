import { createHash } from 'node:crypto';
import { authDatabase } from './database';

/** Failed sign-ins allowed per window before further attempts are refused with 429. */
export const loginThrottleLimits = { perAccount: 5, perAddress: 20 } as const;
export const loginThrottleWindowMs = 15 * 60 * 1000;

/** Same words whether or not the email has an account (never reveal which emails exist). */
export const throttledMessage = 'Too many failed sign-in attempts; try again later';

interface Window {
  index: number;
  endsAt: Date;
}

function windowAt(now: Date): Window {
  const index = Math.floor(now.getTime() / loginThrottleWindowMs);
  return { index, endsAt: new Date((index + 1) * loginThrottleWindowMs) };
}

/**
 * Counter keys. Fixed windows, so each window's counter is its own document and counting is one
 * atomic upsert (`$inc`), right on every replica and on the fallback database. The email is
 * hashed: the counters are not another copy of who tried to sign in.
 */
function keysFor(email: string, clientAddress: string | null, window: Window) {
  const account = `account:${createHash('sha256').update(email).digest('hex')}:${window.index}`;
  const address = clientAddress ? `address:${clientAddress}:${window.index}` : null;
  return { account, address };
}

/**
 * Counts this attempt against the email and the client address before the password is checked,
 * and answers the seconds until attempts are accepted again when either is over its limit (null:
 * go ahead). Counting first, in one atomic upsert per counter, means a burst of concurrent
 * guesses cannot all slip past a read-then-write check. A sign-in that succeeds takes its count
 * back (`forgiveLoginAttempt`), so only failures stay counted.
 */
export async function countLoginAttempt(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<number | null> {
  const { LoginFailureCounter } = await authDatabase.models();
  const window = windowAt(now);
  const keys = keysFor(email, clientAddress, window);
  const [accountCount, addressCount] = await Promise.all([
    increment(LoginFailureCounter, keys.account, window.endsAt),
    keys.address ? increment(LoginFailureCounter, keys.address, window.endsAt) : 0,
  ]);
  const blocked =
    accountCount > loginThrottleLimits.perAccount || addressCount > loginThrottleLimits.perAddress;
  return blocked ? Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000) : null;
}

type CounterModel = Awaited<ReturnType<typeof authDatabase.models>>['LoginFailureCounter'];

/** Adds one to the window's counter for `key` and returns the new count. */
async function increment(model: CounterModel, key: string, expiresAt: Date): Promise<number> {
  const once = () =>
    model
      .findOneAndUpdate(
        { key },
        { $inc: { failures: 1 }, $setOnInsert: { expiresAt } },
        { upsert: true, returnDocument: 'after', projection: { failures: 1 } },
      )
      .lean();
  let counter;
  try {
    counter = await once();
  } catch (error) {
    // On a real MongoDB two first attempts racing to insert: one loses on the unique index and
    // increments the document the other created.
    if (!isDuplicateKeyError(error)) throw error;
    counter = await once();
  }
  return counter?.failures ?? 1;
}

/**
 * A successful sign-in: the account's failures are forgiven, and this attempt no longer counts
 * against the address (its earlier failures still do).
 */
export async function forgiveLoginAttempt(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<void> {
  const { LoginFailureCounter } = await authDatabase.models();
  const keys = keysFor(email, clientAddress, windowAt(now));
  await Promise.all([
    LoginFailureCounter.deleteOne({ key: keys.account }),
    keys.address
      ? LoginFailureCounter.updateOne(
          { key: keys.address, failures: { $gt: 0 } },
          { $inc: { failures: -1 } },
        )
      : undefined,
  ]);
}

export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
