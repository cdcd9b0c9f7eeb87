import { createHash } from 'node:crypto';
import { paymentModels } from '@shop/db/payment';
import { Types } from 'mongoose';
import { domainDatabase } from '../domain-database';

/** The payment cell's database (payments_db) and models. */
export const paymentDatabase = domainDatabase('payment', paymentModels);

/**
 * An ObjectId derived from text (a SHA-256 prefix). Refunds (payment + idempotency key) and
 * processed webhook events (event id) use one as `_id`: `_id` is unique on every MongoDB-compatible
 * server, including the in-memory stand-in that does not enforce other unique indexes, so a
 * duplicate insert fails instead of creating a second record.
 */
export function derivedObjectId(namespace: string, text: string): Types.ObjectId {
  const digest = createHash('sha256').update(`${namespace}\n${text}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

/** MongoDB's duplicate key error (E11000), from mongod or the stand-in. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    (typeof error === 'object' &&
      error !== null &&
      ('code' in error ? error.code === 11000 : false)) ||
    (error instanceof Error && /E11000|duplicate key/i.test(error.message))
  );
}
