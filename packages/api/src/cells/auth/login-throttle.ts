import { isDuplicateKeyError } from '@shop/db/claims';
import { sha256Hex } from '../../secrets';
import { authDatabase } from './database';

/** Failed sign-ins allowed per window before further attempts are refused with 429. */
export const loginThrottleLimits = { perAccount: 5, perAddress: 20 } as const;
/** A window opens at a key's first counted attempt and lasts this long. */
export const loginThrottleWindowMs = 15 * 60 * 1000;

/** Same words whether or not the email has an account (never reveal which emails exist). */
export const throttledMessage = 'Too many failed sign-in attempts; try again later';

/** Counter keys. The email is hashed: the counters are not another copy of who tried to sign in. */
function keysFor(email: string, clientAddress: string | null) {
  const account = `account:${sha256Hex(email)}`;
  const address = clientAddress ? `address:${clientAddress}` : null;
  return { account, address };
}

type CounterModel = Awaited<ReturnType<typeof authDatabase.models>>['LoginFailureCounter'];

interface Count {
  failures: number;
  expiresAt: Date;
}

/**
 * Adds one to `key`'s counter and returns it. Each step is a single-document atomic update (no
 * transactions, right on the fallback database and across replicas): count in the open window;
 * else restart an expired window at 1; else create the counter. A concurrent request that loses
 * a step falls through to the next, which then counts on the winner's document.
 */
async function increment(model: CounterModel, key: string, now: Date): Promise<Count> {
  const projection = { failures: 1, expiresAt: 1 };
  const counted = await model
    .findOneAndUpdate(
      { key, expiresAt: { $gt: now } },
      { $inc: { failures: 1 } },
      { returnDocument: 'after', projection },
    )
    .lean<Count>();
  if (counted) return counted;

  const expiresAt = new Date(now.getTime() + loginThrottleWindowMs);
  const restarted = await model
    .findOneAndUpdate(
      { key, expiresAt: { $lte: now } },
      { $set: { failures: 1, expiresAt } },
      { returnDocument: 'after', projection },
    )
    .lean<Count>();
  if (restarted) return restarted;

  const upsert = () =>
    model
      .findOneAndUpdate(
        { key },
        { $inc: { failures: 1 }, $setOnInsert: { expiresAt } },
        { upsert: true, returnDocument: 'after', projection },
      )
      .lean<Count>();
  try {
    return (await upsert()) ?? { failures: 1, expiresAt };
  } catch (error) {
    // On a real MongoDB two first attempts racing to insert: one loses on the unique index and
    // counts on the document the other created.
    if (!isDuplicateKeyError(error)) throw error;
    return (await upsert()) ?? { failures: 1, expiresAt };
  }
}

/**
 * Counts this attempt against the email and the client address before the password is checked,
 * and answers the seconds until attempts are accepted again when either is over its limit (null:
 * go ahead). Counting first, atomically, means a burst of concurrent guesses cannot all slip past
 * a read-then-write check. A sign-in that succeeds takes its count back (`forgiveLoginAttempt`),
 * so only failures stay counted.
 */
export async function countLoginAttempt(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<number | null> {
  const { LoginFailureCounter } = await authDatabase.models();
  const keys = keysFor(email, clientAddress);
  const counts = await Promise.all([
    increment(LoginFailureCounter, keys.account, now).then((count) => ({
      count,
      limit: loginThrottleLimits.perAccount,
    })),
    ...(keys.address
      ? [
          increment(LoginFailureCounter, keys.address, now).then((count) => ({
            count,
            limit: loginThrottleLimits.perAddress,
          })),
        ]
      : []),
  ]);
  const over = counts.filter(({ count, limit }) => count.failures > limit);
  if (over.length === 0) return null;
  const reopensAt = Math.max(...over.map(({ count }) => count.expiresAt.getTime()));
  return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
}

/**
 * A successful sign-in: the account's failures are forgiven, and this attempt no longer counts
 * against the address (its earlier failures still do).
 */
export async function forgiveLoginAttempt(
  email: string,
  clientAddress: string | null,
): Promise<void> {
  const { LoginFailureCounter } = await authDatabase.models();
  const keys = keysFor(email, clientAddress);
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
