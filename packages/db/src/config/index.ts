import { defineConfig, envValue } from '@shop/env';
import { z } from 'zod';

/**
 * What @shop/db reads from the environment, in every process that uses it (cell hosts, the
 * executor, the stack, the seed). Each process's own schema repeats these so its start-up check
 * lists them with everything else.
 */
export const dbShape = {
  LOG_LEVEL: envValue.logLevel(),
  /** The MongoDB server; unset, `pnpm dev`, the seed and tests resolve one (src/mongo). */
  MONGODB_URI: envValue.text(),
  /** Prepended to database names (tests share one server). */
  MONGODB_DB_PREFIX: envValue.text(),
  // mongodb-memory-server's own settings, read when looking for a mongod binary.
  MONGOMS_RUNTIME_DOWNLOAD: envValue.text(),
  MONGOMS_DOWNLOAD_URL: envValue.text(),
  MONGOMS_DOWNLOAD_MIRROR: envValue.text(),
  HTTPS_PROXY: envValue.text(),
  https_proxy: envValue.text(),
  ALL_PROXY: envValue.text(),
} as const;

/** @shop/db's settings, parsed on first use. */
export const dbConfig = defineConfig({
  processName: 'database',
  schema: z.object(dbShape),
  source: () => process.env,
});

/** The seed (`pnpm seed`): nothing beyond the database settings. */
export const seedConfig = defineConfig({
  processName: 'seed',
  schema: z.object(dbShape),
  source: () => process.env,
});
