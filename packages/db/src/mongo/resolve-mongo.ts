import { dbConfig } from '../config';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { findMongodBinary } from './find-mongod-binary';
import { type ResolvedMongo, type ResolveMongoOptions } from './resolved-mongo';
import { startCongo } from './start-congo';
import { startMongod } from './start-mongod';

export const defaultDevDataDir = fileURLToPath(new URL('../../../../.data/mongo', import.meta.url));

export const fallbackLimitations =
  'it does NOT enforce unique indexes, transactions (no isolation, no rollback), $text search ' +
  'or positional ($, arrayFilters) updates';

/**
 * Decides where MongoDB comes from, best first:
 * 1. `MONGODB_URI` (never started or stopped by us);
 * 2. a real mongod via mongodb-memory-server, when a binary is on disk or downloadable;
 * 3. CongoDB, the in-memory wire-compatible server, which always starts.
 * Step 2 gives up within about 1.5 s when nothing can be found, so offline machines are not held up.
 */
export async function resolveMongo(options: ResolveMongoOptions): Promise<ResolvedMongo> {
  const logger = options.logger ?? pino({ name: 'mongo', level: dbConfig().LOG_LEVEL });
  const dataDir = options.dataDir ?? defaultDevDataDir;
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);

  const external = dbConfig().MONGODB_URI;
  if (external) {
    logger.info(
      { kind: 'external', uri: redactCredentials(external) },
      'MongoDB: using MONGODB_URI',
    );
    return {
      uri: external,
      kind: 'external',
      // We cannot know what an outside server guarantees; production runs a replica set.
      enforces: { uniqueIndexes: true, transactions: true },
      stop: async () => {},
    };
  }

  const binary = await findMongodBinary(logger);
  let reason: string;
  if (binary.found) {
    try {
      const mongod = await startMongod(options.mode, join(dataDir, 'mongod'));
      logger.info(
        {
          kind: mongod.kind,
          mode: options.mode,
          binary: binary.path,
          uri: mongod.uri,
          ms: elapsedMs(),
        },
        'MongoDB: started a local mongod',
      );
      return mongod;
    } catch (error) {
      reason = `mongod at ${binary.path} failed to start: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else {
    reason = binary.reason;
  }

  const snapshotFile = options.mode === 'dev' ? join(dataDir, 'congodb.ejson') : undefined;
  const congo = await startCongo({ snapshotFile, logger });
  logger.warn(
    { kind: congo.kind, mode: options.mode, uri: congo.uri, reason, decidedInMs: elapsedMs() },
    `MongoDB: no real mongod (${reason}); using CongoDB, an in-memory wire-compatible stand-in: ` +
      `${fallbackLimitations}. For a real MongoDB set MONGODB_URI, or MONGOMS_SYSTEM_BINARY=/path/to/mongod.`,
  );
  return congo;
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
