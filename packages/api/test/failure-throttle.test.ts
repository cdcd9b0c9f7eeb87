import { isolateTestDatabases } from '@shop/db/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureThrottle } from '../src/cells/order/failure-throttle';
import { retryAfterSecondsOf } from '../src/trpc/retry-after';

/**
 * The failure throttle behind order lookups and discount codes, on the real database, with time
 * moved across a window's edge: a guesser must not get a fresh allowance at the boundary.
 */

const windowMs = 15 * 60_000;
const limit = 10;
let now = 0;

function throttle(scope: string) {
  return failureThrottle({
    scope,
    limit,
    windowMs,
    message: (minutes) => `Try again in ${minutes} minutes`,
    clock: () => now,
  });
}

async function refusal(check: Promise<void>): Promise<TRPCError | undefined> {
  return check.then(
    () => undefined,
    (error: unknown) => (error instanceof TRPCError ? error : Promise.reject(error)),
  );
}

/** Failures the key may still make (checked, then counted) before it is refused. */
async function allowedBeforeRefusal(
  guesses: ReturnType<typeof throttle>,
  key: string,
): Promise<number> {
  for (let allowed = 0; allowed < 50; allowed += 1) {
    if (await refusal(guesses.check(key))) return allowed;
    await guesses.count(key);
  }
  throw new Error('never refused');
}

beforeAll(() => {
  isolateTestDatabases();
});

describe('failure throttle', () => {
  it('refuses the failure after the limit within one window, with the wait until it may try again', async () => {
    const guesses = throttle('within-window');
    const windowStart = 1_000 * windowMs;
    now = windowStart + 60_000;
    for (let failure = 0; failure < limit; failure += 1) {
      expect(await refusal(guesses.check('203.0.113.1'))).toBeUndefined();
      await guesses.count('203.0.113.1');
    }
    const refused = await refusal(guesses.check('203.0.113.1'));
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    // This window's 14 minutes, then its own share sliding out of the next one: at least 14.
    expect(retryAfterSecondsOf(refused!)).toBeGreaterThanOrEqual(14 * 60);
    // Another key is not affected.
    expect(await refusal(guesses.check('203.0.113.2'))).toBeUndefined();
  });

  it('gives no fresh allowance at a window edge: failures just before it still count just after', async () => {
    const guesses = throttle('across-edge');
    const edge = 2_000 * windowMs;
    now = edge - 1_000; // the last second of a window
    for (let failure = 0; failure < 6; failure += 1) await guesses.count('198.51.100.7');
    now = edge + 1_000; // the first second of the next
    // 6 a second ago weigh almost fully: 5 more, not the fixed window's fresh 10.
    expect(await allowedBeforeRefusal(guesses, '198.51.100.7')).toBe(5);
  });

  it("lets the previous window's failures slide out as time passes", async () => {
    const guesses = throttle('slides-out');
    const edge = 3_000 * windowMs;
    now = edge - 1_000;
    for (let failure = 0; failure < limit; failure += 1) {
      await guesses.count('192.0.2.9');
      await guesses.count('192.0.2.10');
    }
    // Half a window later half of them still weigh; a window later, none do.
    now = edge + windowMs / 2;
    expect(await allowedBeforeRefusal(guesses, '192.0.2.9')).toBe(5);
    now = edge + windowMs - 1_000;
    expect(await allowedBeforeRefusal(guesses, '192.0.2.10')).toBe(limit);
  });
});
