import { isDuplicateKeyError } from '@shop/db/claims';
import type { Model, UpdateQuery } from 'mongoose';

/**
 * Creates the document matched by `filter` (a unique key) unless it exists; returns whether this
 * call created it. Two racing creators on a real MongoDB get a duplicate-key error for the loser,
 * which means "exists" here.
 */
export async function insertIfAbsent<T>(
  model: Model<T>,
  filter: Record<string, unknown>,
  fields: UpdateQuery<T>['$setOnInsert'],
): Promise<boolean> {
  try {
    const { upsertedCount } = await model.updateOne(
      filter,
      { $setOnInsert: fields } as UpdateQuery<T>,
      { upsert: true },
    );
    return upsertedCount === 1;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
