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

/** Seconds until attempts are accepted again, or null when this attempt may go ahead. */
export async function loginBlockedFor(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<number | null> {
  const { LoginFailureCounter } = await authDatabase.models();
  const window = windowAt(now);
  const keys = keysFor(email, clientAddress, window);
  const counters = await LoginFailureCounter.find(
    { key: { $in: [keys.account, ...(keys.address ? [keys.address] : [])] } },
    { key: 1, failures: 1 },
  ).lean();
  const failures = (key: string | null) =>
    counters.find((counter) => counter.key === key)?.failures ?? 0;
  const blocked =
    failures(keys.account) >= loginThrottleLimits.perAccount ||
    failures(keys.address) >= loginThrottleLimits.perAddress;
  return blocked ? Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000) : null;
}

/** Counts one failed attempt against the email and the client address. */
export async function recordLoginFailure(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<void> {
  const { LoginFailureCounter } = await authDatabase.models();
  const window = windowAt(now);
  const keys = keysFor(email, clientAddress, window);
  await Promise.all(
    [keys.account, keys.address]
      .filter((key): key is string => key !== null)
      .map((key) => countFailure(LoginFailureCounter, key, window.endsAt)),
  );
}

type CounterModel = Awaited<ReturnType<typeof authDatabase.models>>['LoginFailureCounter'];

async function countFailure(model: CounterModel, key: string, expiresAt: Date): Promise<void> {
  const increment = () =>
    model.updateOne(
      { key },
      { $inc: { failures: 1 }, $setOnInsert: { expiresAt } },
      { upsert: true },
    );
  try {
    await increment();
  } catch (error) {
    // On a real MongoDB two first failures racing to insert: one loses on the unique index and
    // increments the document the other created.
    if (!isDuplicateKeyError(error)) throw error;
    await increment();
  }
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(email: string, now = new Date()): Promise<void> {
  const { LoginFailureCounter } = await authDatabase.models();
  await LoginFailureCounter.deleteOne({ key: keysFor(email, null, windowAt(now)).account });
}

export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
