import pino from 'pino';
import { resolveMongo } from '../mongo/resolve-mongo';
import { type ResolvedMongo } from '../mongo/resolved-mongo';

export interface TestMongo {
  uri: string;
  kind: ResolvedMongo['kind'];
  enforces: ResolvedMongo['enforces'];
  teardown(): Promise<void>;
}

/**
 * For a vitest `globalSetup`: resolves a MongoDB for the test run (an in-memory replica set when a
 * mongod exists, else CongoDB; `MONGODB_URI` wins if set) and exports `MONGODB_URI`, which the
 * test workers inherit. Also sets `MONGODB_ENFORCES_UNIQUE`/`MONGODB_ENFORCES_TRANSACTIONS` so
 * tests of those guarantees can skip, saying why, on the fallback server.
 */
export async function startTestMongo(): Promise<TestMongo> {
  const logger = pino({ name: 'test-mongo', level: process.env.LOG_LEVEL ?? 'warn' });
  const mongo = await resolveMongo({ mode: 'test', logger });
  process.env.MONGODB_URI = mongo.uri;
  process.env.MONGODB_ENFORCES_UNIQUE = String(mongo.enforces.uniqueIndexes);
  process.env.MONGODB_ENFORCES_TRANSACTIONS = String(mongo.enforces.transactions);
  return {
    uri: mongo.uri,
    kind: mongo.kind,
    enforces: mongo.enforces,
    teardown: () => mongo.stop(),
  };
}

/**
 * A ready vitest global setup. In a package: `test/global-setup.ts` containing
 * `export { mongoGlobalSetup as default } from '@shop/db/testing';`, then
 * `globalSetup: ['./test/global-setup.ts']` in vitest.config.ts.
 */
export async function mongoGlobalSetup(): Promise<() => Promise<void>> {
  const mongo = await startTestMongo();
  return mongo.teardown;
}
