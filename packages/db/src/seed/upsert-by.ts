import { type QueryFilter, type UpdateQuery } from 'mongoose';

/**
 * What `upsertBy` needs of a model. Structural rather than `Model<T>`: a model's other type
 * parameters (virtuals, instance methods) differ per schema, and TypeScript's variance check of
 * the full `Model` type then refuses models that are fine here.
 */
interface UpsertTarget<T> {
  updateOne(
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
    options: { upsert: true; runValidators: true; timestamps: false },
  ): PromiseLike<unknown>;
}

/**
 * Inserts or updates the one document matching `filter` so that it holds `fields`. Timestamps are
 * set on insert only, so re-running the seed on unchanged data changes nothing at all.
 */
export async function upsertBy<T>(
  model: UpsertTarget<T>,
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
