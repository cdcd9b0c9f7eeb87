import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * An ObjectId that is a function of its parts (the first 12 bytes of the SHA-256 of the parts
 * joined by newlines): the document for one thing (an owner's cart, one checkout submission, a
 * refund under an idempotency key, a processed webhook) always has the same `_id`. Duplicate
 * `_id`s are refused by every MongoDB-compatible server, including the in-memory stand-in that
 * enforces no other unique index, so inserting it is an atomic claim.
 */
export function derivedObjectId(...parts: [string, ...string[]]): Types.ObjectId {
  const digest = createHash('sha256').update(parts.join('\n')).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
