import { sha256Hex } from '../../secrets';
import { authDatabase } from './database';
import { claimAlert, countFailure, loginThrottleWindowMs, takeBackOne } from './failure-counters';

export { loginThrottleWindowMs };

/**
 * Failed sign-ins allowed per window before further attempts are refused with 429:
 * - `perAccountAndAddress`: one account from one address. The guessing limit: it never stops the
 *   owner signing in from anywhere else.
 * - `perAddress`: from one address across every account (one address spraying many accounts).
 * - `perAccount`: at one account across every address. A ceiling that slows a distributed attack;
 *   devices that signed in to the account before are still let in when it trips.
 */
export const loginThrottleLimits = {
  perAccountAndAddress: 5,
  perAddress: 20,
  perAccount: 100,
} as const;

/** Same words whether or not the email has an account (never reveal which emails exist). */
export const throttledMessage = 'Too many failed sign-in attempts; try again later';

/**
 * Counter keys. The email is hashed: the counters are not another copy of who tried to sign in.
 * A request without an address shares one pair counter per account.
 */
export function loginThrottleKeys(email: string, clientAddress: string | null) {
  const emailHash = sha256Hex(email);
  return {
    account: `account:${emailHash}`,
    pair: `pair:${emailHash}:${clientAddress ?? 'unknown'}`,
    address: clientAddress ? `address:${clientAddress}` : null,
  };
}

export interface CountedLoginAttempt {
  /** Seconds until this account may be tried again from this address; null: under the limit. */
  pairBlockedFor: number | null;
  /** Seconds until the address-wide or account-wide limit reopens; null: under both. */
  sharedBlockedFor: number | null;
  /** The account-wide ceiling is what tripped (the owner is told). */
  accountCeilingReached: boolean;
  /** The account's failures in its window so far, this attempt included. */
  accountFailures: number;
  /** When the account's window opened. */
  accountWindowOpenedAt: Date;
}

function secondsUntil(instants: Date[], now: Date): number | null {
  if (instants.length === 0) return null;
  const reopensAt = Math.max(...instants.map((instant) => instant.getTime()));
  return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
}

/**
 * Counts this attempt against the (account, address) pair, the address and the account before
 * the password is checked, and says which limits it is over. Counting first, atomically, means a
 * burst of concurrent guesses cannot all slip past a read-then-write check. A sign-in that
 * succeeds takes its count back (`forgiveLoginAttempt`), so only failures stay counted.
 */
export async function countLoginAttempt(
  email: string,
  clientAddress: string | null,
  now = new Date(),
): Promise<CountedLoginAttempt> {
  const { LoginFailureCounter } = await authDatabase.models();
  const keys = loginThrottleKeys(email, clientAddress);
  const [pair, account, address] = await Promise.all([
    countFailure(LoginFailureCounter, keys.pair, now),
    countFailure(LoginFailureCounter, keys.account, now),
    keys.address ? countFailure(LoginFailureCounter, keys.address, now) : null,
  ]);
  const accountOver = account.failures > loginThrottleLimits.perAccount;
  const addressOver = address !== null && address.failures > loginThrottleLimits.perAddress;
  return {
    pairBlockedFor:
      pair.failures > loginThrottleLimits.perAccountAndAddress
        ? secondsUntil([pair.expiresAt], now)
        : null,
    sharedBlockedFor: secondsUntil(
      [...(accountOver ? [account.expiresAt] : []), ...(addressOver ? [address.expiresAt] : [])],
      now,
    ),
    accountCeilingReached: accountOver,
    accountFailures: account.failures,
    accountWindowOpenedAt: new Date(account.expiresAt.getTime() - loginThrottleWindowMs),
  };
}

/**
 * True for exactly one caller per account window: the one that tells the owner about it.
 */
export async function claimOwnerAlert(email: string, now = new Date()): Promise<boolean> {
  const { LoginFailureCounter } = await authDatabase.models();
  return claimAlert(LoginFailureCounter, loginThrottleKeys(email, null).account, now);
}

/**
 * A successful sign-in: the pair's failures are forgiven, and this attempt no longer counts
 * against the account or the address (their other failures still do: the owner signing in must
 * not reset an attacker's count elsewhere).
 */
export async function forgiveLoginAttempt(
  email: string,
  clientAddress: string | null,
): Promise<void> {
  const { LoginFailureCounter } = await authDatabase.models();
  const keys = loginThrottleKeys(email, clientAddress);
  await Promise.all([
    LoginFailureCounter.deleteOne({ key: keys.pair }),
    takeBackOne(LoginFailureCounter, keys.account),
    keys.address ? takeBackOne(LoginFailureCounter, keys.address) : undefined,
  ]);
}
