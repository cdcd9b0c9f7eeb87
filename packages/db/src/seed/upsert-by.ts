import { type Model, type QueryFilter, type UpdateQuery } from 'mongoose';

/**
 * Inserts or updates the one document matching `filter` so that it holds `fields`. Timestamps are
 * set on insert only, so re-running the seed on unchanged data changes nothing at all.
 */
export async function upsertBy<T>(
  model: Model<T>,
  filter: QueryFilter<T>,
  fields: NonNullable<UpdateQuery<T>['$set']>,
  insertedAt: Date = new Date(),
): Promise<void> {
  const update = {
    $set: fields,
    $setOnInsert: { createdAt: insertedAt, updatedAt: insertedAt },
  } as UpdateQuery<T>; // the timestamp paths exist on every seeded schema (timestamps: true)
  await model.updateOne(filter, update, { upsert: true, runValidators: true, timestamps: false });
}
