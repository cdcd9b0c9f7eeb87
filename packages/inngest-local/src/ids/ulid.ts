import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32, the alphabet ULIDs use. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomByteCount = 10;

/**
 * ULIDs (48-bit millisecond time + 80 random bits, 26 characters) are what the Inngest server uses
 * for event and run ids, so ids look the same whichever server a developer is talking to.
 */
export function newUlid(timeMs: number = Date.now()): string {
  return ulidFromBytes(timeMs, randomBytes(randomByteCount));
}

/**
 * A ULID whose random part is derived from `parts`: the same inputs always give the same id. Used
 * where a retried request must land on the same document (event sends, run creation, cron ticks).
 */
export function deterministicUlid(timeMs: number, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return ulidFromBytes(timeMs, digest.subarray(0, randomByteCount));
}

export function ulidFromBytes(timeMs: number, bytes: Uint8Array): string {
  if (bytes.length !== randomByteCount) {
    throw new Error(`a ULID needs ${randomByteCount} random bytes, got ${bytes.length}`);
  }
  return encodeTime(timeMs) + encodeBytes(bytes);
}

/** The millisecond timestamp a ULID carries. */
export function ulidTime(id: string): number {
  let time = 0;
  for (const char of id.slice(0, 10)) {
    const value = alphabet.indexOf(char.toUpperCase());
    if (value < 0) throw new Error(`not a ULID: ${id}`);
    time = time * 32 + value;
  }
  return time;
}

function encodeTime(timeMs: number): string {
  let remaining = Math.max(0, Math.floor(timeMs));
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = alphabet[remaining % 32] + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

/** 80 bits become 16 characters of 5 bits each. */
function encodeBytes(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = alphabet[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}
