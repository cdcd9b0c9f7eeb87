import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An ObjectId that is a function of `name`: the document for one thing (an owner's cart, one
 * checkout submission, a counter) always has the same `_id`. Duplicate `_id`s are refused by every
 * MongoDB-compatible server, including the in-memory one that enforces no other unique index, so
 * inserting it is an atomic claim.
 */
export function derivedObjectId(name: string): Types.ObjectId {
  return new Types.ObjectId(sha256Hex(name).slice(0, 24));
}

/** MongoDB's E11000, or the in-memory server's spelling of the same refusal. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 11000 || (typeof message === 'string' && /duplicate key/i.test(message));
}
