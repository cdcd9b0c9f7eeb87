import { derivedObjectId } from '@shop/db/claims';
import { tooManyRequests } from '../../trpc/retry-after';
import { orderDatabase } from './database';

/**
 * A fixed-window count of failed guesses per key (a client address, a cart): order lookups that
 * do not match, discount codes that do not apply. Once a key has used up its failures in the
 * window it is refused with 429 and `Retry-After` until the window ends, right answers included:
 * the key is refused, not the guess. Windows live in the database (TTL), so every replica of the
 * cell counts the same.
 */
export interface FailureThrottle {
  /** Refuses (429) when the key has no failures left in this window; a null key is not counted. */
  check(key: string | null): Promise<void>;
  /** Counts one failure for the key. */
  count(key: string | null): Promise<void>;
}

export function failureThrottle(options: {
  scope: string;
  limit: number;
  windowMs: number;
  /** The refusal, told how many whole minutes are left (at least 1). */
  message: (minutesLeft: number) => string;
}): FailureThrottle {
  const windowOf = (key: string, now: number) => {
    const start = Math.floor(now / options.windowMs) * options.windowMs;
    return {
      _id: derivedObjectId(`${options.scope}:${key}:${start}`),
      endsAt: new Date(start + options.windowMs),
    };
  };
  return {
    async check(key) {
      if (!key) return;
      const now = Date.now();
      const window = windowOf(key, now);
      const { OrderLookupFailure } = await orderDatabase.models();
      const failures = await OrderLookupFailure.findById(window._id, { count: 1 }).lean();
      if ((failures?.count ?? 0) < options.limit) return;
      const seconds = (window.endsAt.getTime() - now) / 1000;
      throw tooManyRequests(options.message(Math.max(1, Math.ceil(seconds / 60))), seconds);
    },
    async count(key) {
      if (!key) return;
      const window = windowOf(key, Date.now());
      const { OrderLookupFailure } = await orderDatabase.models();
      await OrderLookupFailure.updateOne(
        { _id: window._id },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: window.endsAt } },
        { upsert: true },
      );
    },
  };
}
