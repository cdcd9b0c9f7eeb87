import { isolateTestDatabases } from '@shop/db/testing';
import type { Connection } from 'mongoose';

/**
 * Gives the calling test file databases of its own (`isolateTestDatabases()`) holding the demo
 * shop, as `seedDemoData()` writes it. Call once per file, before starting hosts.
 *
 * Seeding through mongoose costs seconds of CPU (bcrypt hashes of the demo accounts, orders,
 * reviews and analytics events written by upserts, each a full scan on the in-memory stand-in,
 * then 2,000 products and 9,000 inventory rows), and most api test files need the demo shop. So
 * the global setup seeds it once per run into template databases (`TEST_SEED_TEMPLATE_PREFIX`),
 * and each file copies the template's collections and indexes into its own databases: the same
 * documents, written by the same seed.
 *
 * The seed dates orders relative to its day (orders of today, of yesterday...), so a copy is the
 * demo shop as seeded at the start of the run: a file of the same UTC day sees what a seed at that
 * moment wrote; a file on another day (a run across midnight) seeds its own, as does every file
 * when no template was made (a runner without the global setup).
 *
 * Returns the file's database prefix, as `isolateTestDatabases()` does.
 */
export async function seedFileDatabases(): Promise<string> {
  const prefix = isolateTestDatabases();
  const templatePrefix = process.env.TEST_SEED_TEMPLATE_PREFIX;
  const templateDay = process.env.TEST_SEED_TEMPLATE_DAY;
  // Imported here, not at the top: a file that traces its database calls loads mongoose itself
  // after starting its instrumentation, which patches the module as it loads.
  if (!templatePrefix || templateDay !== utcDay(new Date())) {
    const { seedDemoData } = await import('@shop/db/seed');
    await seedDemoData();
    return prefix;
  }
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose
    .createConnection(process.env.MONGODB_URI!, { serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    await copyDatabases(connection, templatePrefix, prefix);
  } finally {
    await connection.close();
  }
  return prefix;
}

/** The UTC day (YYYY-MM-DD) the seed dates its data from. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Copies every template database's collections (indexes, then documents) under `toPrefix`. */
async function copyDatabases(
  connection: Connection,
  templatePrefix: string,
  toPrefix: string,
): Promise<void> {
  const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
  const names = databases.map(({ name }) => name).filter((name) => name.startsWith(templatePrefix));
  await Promise.all(
    names.map(async (name) => {
      const from = connection.useDb(name).db!;
      const to = connection.useDb(`${toPrefix}${name.slice(templatePrefix.length)}`).db!;
      for (const { name: collectionName } of await from.listCollections().toArray()) {
        const source = from.collection(collectionName);
        const target = to.collection(collectionName);
        // Indexes first, as the seed does: the stand-in checks a unique index against the
        // documents already there when it is built (ignoring partial filters), not on insert.
        const indexes = (await source.indexes()).filter((index) => index.name !== '_id_');
        if (indexes.length > 0) {
          await target.createIndexes(
            indexes.map(({ v: _version, ns: _namespace, ...index }) => index),
          );
        } else {
          await to.createCollection(collectionName);
        }
        const documents = await source.find({}).toArray();
        for (let start = 0; start < documents.length; start += copyBatchSize) {
          await target.insertMany(documents.slice(start, start + copyBatchSize), { ordered: true });
        }
      }
    }),
  );
}

/** As the seed's catalog inserts: few round trips, modest messages. */
const copyBatchSize = 1000;
