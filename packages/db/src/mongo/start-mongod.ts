import { mkdir } from 'node:fs/promises';
import { type ResolvedMongo } from './resolved-mongo';

/**
 * Starts a real mongod through mongodb-memory-server (the binary must already be findable).
 * Tests get a one-member replica set in memory, so transactions work. Dev gets a single node on a
 * persistent data directory: a replica set cannot be restarted on old data by this library (it
 * re-initiates the set, and its stored member address carries the previous run's port).
 */
export async function startMongod(mode: 'dev' | 'test', dataDir: string): Promise<ResolvedMongo> {
  const { MongoMemoryReplSet, MongoMemoryServer } = await import('mongodb-memory-server');
  if (mode === 'test') {
    const replSet = await MongoMemoryReplSet.create({
      replSet: { count: 1, storageEngine: 'wiredTiger' },
    });
    return {
      uri: replSet.getUri(),
      kind: 'mongod',
      enforces: { uniqueIndexes: true, transactions: true },
      stop: async () => {
        await replSet.stop();
      },
    };
  }

  await mkdir(dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: { dbPath: dataDir, storageEngine: 'wiredTiger' },
  });
  return {
    uri: server.getUri(),
    kind: 'mongod',
    enforces: { uniqueIndexes: true, transactions: false },
    stop: async () => {
      // Default cleanup removes only directories it created itself, never our dbPath.
      await server.stop();
    },
  };
}
