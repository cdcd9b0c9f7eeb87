import { randomBytes } from 'node:crypto';

/**
 * Gives the calling test file databases of its own on the shared test server: sets
 * `MONGODB_DB_PREFIX` (read by `connectDomainDatabase`) to a fresh random prefix and returns it.
 * Call it at the top of a test file, before anything connects.
 */
export function isolateTestDatabases(): string {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  process.env.MONGODB_DB_PREFIX = prefix;
  return prefix;
}

/** What the test server guarantees, as exported by `startTestMongo` in the global setup. */
export function testMongoEnforces(): { uniqueIndexes: boolean; transactions: boolean } {
  return {
    uniqueIndexes: process.env.MONGODB_ENFORCES_UNIQUE === 'true',
    transactions: process.env.MONGODB_ENFORCES_TRANSACTIONS === 'true',
  };
}
