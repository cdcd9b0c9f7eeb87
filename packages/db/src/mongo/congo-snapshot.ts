import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IStorageAdapter } from '@push.rocks/smartmongo/dist_ts/congodb/index.js';
import { loadedCongo } from './congo-module';

type StoredIndex = Awaited<ReturnType<IStorageAdapter['getIndexes']>>[number];

interface Snapshot {
  version: 1;
  databases: Record<string, Record<string, { documents: unknown[]; indexes: StoredIndex[] }>>;
}

/**
 * Dev persistence for the in-memory server. CongoDB's own persistence writes plain JSON, which
 * turns dates and non-`_id` ObjectIds into strings on reload; Extended JSON keeps every
 * BSON type we use (dates, ObjectIds, numbers), so data reads back as written.
 */
export async function restoreSnapshot(storage: IStorageAdapter, file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 0; // first run: nothing saved yet
  }
  // Relaxed parsing turns numbers back into plain JS numbers: CongoDB's update engine copies
  // documents in a way that breaks bson Int32 wrappers (they come back as `{ value: n }`).
  const snapshot = loadedCongo().EJSON.parse(text, { relaxed: true }) as Snapshot;
  let documents = 0;
  for (const [dbName, collections] of Object.entries(snapshot.databases)) {
    await storage.createDatabase(dbName);
    for (const [collName, saved] of Object.entries(collections)) {
      await storage.createCollection(dbName, collName);
      if (saved.documents.length > 0) {
        await storage.insertMany(dbName, collName, saved.documents as never[]);
      }
      for (const { name, ...spec } of saved.indexes) {
        if (name !== '_id_') await storage.saveIndex(dbName, collName, name, spec);
      }
      documents += saved.documents.length;
    }
  }
  return documents;
}

/** Serialises every database; returns the text so callers can skip writing when unchanged. */
export async function serializeSnapshot(storage: IStorageAdapter): Promise<string> {
  const snapshot: Snapshot = { version: 1, databases: {} };
  for (const dbName of await storage.listDatabases()) {
    const collections: Snapshot['databases'][string] = {};
    for (const collName of await storage.listCollections(dbName)) {
      collections[collName] = {
        documents: await storage.findAll(dbName, collName),
        indexes: await storage.getIndexes(dbName, collName),
      };
    }
    snapshot.databases[dbName] = collections;
  }
  return loadedCongo().EJSON.stringify(snapshot, { relaxed: true });
}

/** Write-then-rename, so a crash mid-write never leaves a truncated snapshot behind. */
export async function writeSnapshot(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, text, 'utf8');
  await rename(partial, file);
}
