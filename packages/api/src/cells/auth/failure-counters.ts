import { isDuplicateKeyError } from '@shop/db/claims';
import type { authDatabase } from './database';

/** A window opens at a key's first counted attempt and lasts this long. */
export const loginThrottleWindowMs = 15 * 60 * 1000;

type CounterModel = Awaited<ReturnType<typeof authDatabase.models>>['LoginFailureCounter'];

export interface FailureCount {
  failures: number;
  expiresAt: Date;
}

const projection = { failures: 1, expiresAt: 1 };

/**
 * Adds one to `key`'s counter and returns it. Each step is a single-document atomic update (no
 * transactions, right on the fallback database and across replicas): count in the open window;
 * else restart an expired window at 1; else create the counter. A concurrent request that loses
 * a step falls through to the next, which then counts on the winner's document.
 */
export async function countFailure(
  model: CounterModel,
  key: string,
  now: Date,
): Promise<FailureCount> {
  const counted = await model
    .findOneAndUpdate(
      { key, expiresAt: { $gt: now } },
      { $inc: { failures: 1 } },
      { returnDocument: 'after', projection },
    )
    .lean<FailureCount>();
  if (counted) return counted;

  const expiresAt = new Date(now.getTime() + loginThrottleWindowMs);
  const restarted = await model
    .findOneAndUpdate(
      { key, expiresAt: { $lte: now } },
      { $set: { failures: 1, expiresAt, alertedAt: null } },
      { returnDocument: 'after', projection },
    )
    .lean<FailureCount>();
  if (restarted) return restarted;

  const upsert = () =>
    model
      .findOneAndUpdate(
        { key },
        { $inc: { failures: 1 }, $setOnInsert: { expiresAt, alertedAt: null } },
        { upsert: true, returnDocument: 'after', projection },
      )
      .lean<FailureCount>();
  try {
    return (await upsert()) ?? { failures: 1, expiresAt };
  } catch (error) {
    // On a real MongoDB two first attempts racing to insert: one loses on the unique index and
    // counts on the document the other created.
    if (!isDuplicateKeyError(error)) throw error;
    return (await upsert()) ?? { failures: 1, expiresAt };
  }
}

/** Takes one counted attempt back (a sign-in that succeeded was not a failure). */
export async function takeBackOne(model: CounterModel, key: string): Promise<void> {
  await model.updateOne({ key, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
}

/**
 * Marks `key`'s open window as alerted, once: true for exactly one caller per window, so the
 * owner gets one email however many attempts are refused.
 */
export async function claimAlert(model: CounterModel, key: string, now: Date): Promise<boolean> {
  const claimed = await model.updateOne(
    { key, expiresAt: { $gt: now }, alertedAt: null },
    { $set: { alertedAt: now } },
  );
  return claimed.modifiedCount === 1;
}
