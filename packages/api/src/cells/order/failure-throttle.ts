import { derivedObjectId } from '@shop/db/claims';
import { tooManyRequests } from '../../trpc/retry-after';
import { orderDatabase } from './database';

/**
 * A count of failed guesses per key (a client address, a cart): order lookups that do not match,
 * discount codes that do not apply. Once a key has used up its failures it is refused with 429
 * and `Retry-After`, right answers included: the key is refused, not the guess.
 *
 * Sliding window, approximated from two fixed windows: the failures of the current window plus
 * those of the previous one, weighted by how much of it still lies within the last `windowMs`.
 * A plain fixed window let a walker spend the limit just before a boundary and again just after
 * it (twice the limit in a second). Windows live in the database (TTL, kept for two windows), so
 * every replica of the cell counts the same.
 */
export interface FailureThrottle {
  /** Refuses (429) when the key has no failures left; a null key is not counted. */
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
  /** Tests move time across a window's edge. */
  clock?: () => number;
}): FailureThrottle {
  const { limit, windowMs } = options;
  const clock = options.clock ?? Date.now;
  const windowStart = (now: number) => Math.floor(now / windowMs) * windowMs;
  const windowId = (key: string, start: number) =>
    derivedObjectId(`${options.scope}:${key}:${start}`);

  /** Milliseconds from `elapsed` (into the current window) until the weighted count is below the limit. */
  const waitMs = (current: number, previous: number, elapsed: number): number => {
    if (current < limit) {
      // Only the previous window's share keeps the key refused: wait for it to slide out.
      return windowMs * (1 - (limit - current) / previous) - elapsed;
    }
    // This window alone is over the limit: its end, then its own share sliding out of the next.
    return windowMs - elapsed + windowMs * (1 - limit / current);
  };

  return {
    async check(key) {
      if (!key) return;
      const now = clock();
      const start = windowStart(now);
      const { OrderLookupFailure } = await orderDatabase.models();
      const countAt = async (at: number) =>
        (await OrderLookupFailure.findById(windowId(key, at), { count: 1 }).lean())?.count ?? 0;
      const [current, previous] = await Promise.all([countAt(start), countAt(start - windowMs)]);
      const elapsed = now - start;
      const weighted = current + previous * (1 - elapsed / windowMs);
      if (weighted < limit) return;
      const seconds = Math.max(1, waitMs(current, previous, elapsed) / 1000);
      throw tooManyRequests(options.message(Math.max(1, Math.ceil(seconds / 60))), seconds);
    },
    async count(key) {
      if (!key) return;
      const start = windowStart(clock());
      const { OrderLookupFailure } = await orderDatabase.models();
      await OrderLookupFailure.updateOne(
        { _id: windowId(key, start) },
        // Kept through the next window too, which weighs it.
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(start + 2 * windowMs) } },
        { upsert: true },
      );
    },
  };
}
