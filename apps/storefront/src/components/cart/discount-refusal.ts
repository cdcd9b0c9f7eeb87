import { refusalCode, shopperMessage } from './cell-error';

/**
 * What the discount form says when a code is refused. The order cell answers every code that
 * does not apply with one sentence (it never says whether a code exists); after too many tries it
 * answers 429, and the shopper is told how long to wait in whole minutes, from the wait the cell
 * names (`retryAfterSeconds`, the same as its Retry-After header).
 */
export function discountRefusal(error: unknown): string {
  if (refusalCode(error) !== 'TOO_MANY_REQUESTS') return shopperMessage(error);
  const seconds = (error as { data?: { retryAfterSeconds?: unknown } }).data?.retryAfterSeconds;
  const minutes = typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : undefined;
  return minutes
    ? `Too many codes tried. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
    : 'Too many codes tried. Try again in a few minutes.';
}
