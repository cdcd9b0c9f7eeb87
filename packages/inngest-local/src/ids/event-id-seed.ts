import { ulidFromBytes } from './ulid';

/**
 * The SDK sends `x-inngest-event-id-seed: <unix ms>,<base64 of 10 random bytes>` and keeps it on
 * retries of the same `send()`. Deriving the event ids from it makes a retried send land on the
 * same event documents instead of starting every function twice.
 */
export function eventIdsFromSeed(
  header: string | null | undefined,
  count: number,
): string[] | undefined {
  const match = header ? /^(\d+),([A-Za-z0-9+/=]+)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const timeMs = Number(match[1]);
  const entropy = Buffer.from(match[2] ?? '', 'base64');
  if (!Number.isSafeInteger(timeMs) || entropy.length !== 10) return undefined;

  const base = BigInt(`0x${entropy.toString('hex')}`);
  const mask = (1n << 80n) - 1n;
  return Array.from({ length: count }, (_, index) => {
    const value = (base + BigInt(index)) & mask;
    const bytes = Buffer.from(value.toString(16).padStart(20, '0'), 'hex');
    return ulidFromBytes(timeMs, bytes);
  });
}
