import { isDuplicateKeyError } from '@shop/db/claims';
import type { mongo } from 'mongoose';

/**
 * Creates the document matched by `filter` (a unique key) unless it exists; returns whether this
 * call created it. Two racing creators on a real MongoDB get a duplicate-key error for the loser,
 * which means "exists" here. `fields` must name every field the document needs: this writes
 * through the driver, so no schema defaults are added.
 */
export async function insertIfAbsent<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  filter: mongo.Filter<T>,
  fields: Partial<T>,
): Promise<boolean> {
  try {
    const { upsertedCount } = await collection.updateOne(
      filter,
      { $setOnInsert: fields } as mongo.UpdateFilter<T>,
      { upsert: true },
    );
    return upsertedCount === 1;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
