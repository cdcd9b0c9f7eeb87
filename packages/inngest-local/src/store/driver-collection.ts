import type { Model, mongo } from 'mongoose';

/**
 * The MongoDB driver's collection behind a model. The executor's hot path (queue, run state,
 * event fan-out) writes and reads through it: its documents are plain, every write names its
 * fields, and mongoose's query casting and document cloning cost more CPU than the database
 * round trip itself. Mongoose's connection still buffers commands while it reconnects, and the
 * models still own the schemas and indexes.
 */
export function driverCollection<T extends mongo.Document>(model: Model<T>): mongo.Collection<T> {
  return model.collection as unknown as mongo.Collection<T>;
}

/**
 * Every document `filter` matches. Through `Promise.resolve`, because mongoose's wrapper answers
 * `find` with a promise of the cursor (not the cursor) while it holds commands back for a
 * reconnection, as it does for every other command.
 */
export async function findAll<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  filter: mongo.Filter<T>,
  options: mongo.FindOptions = {},
): Promise<mongo.WithId<T>[]> {
  const cursor = await Promise.resolve(collection.find(filter, options));
  return cursor.toArray();
}
