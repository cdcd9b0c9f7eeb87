import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startLocalInngest, type LocalInngest, type LocalInngestOptions } from '../../src';

/**
 * Short timings so retries, leases and polling do not slow the suite down: the real retry table
 * at 1/200 (75 ms, 150 ms, 300 ms ... plus up to 150 ms jitter).
 */
export const fastTuning = {
  retryScale: 0.005,
  pollIntervalMs: 200,
  leaseMs: 3_000,
  resyncIntervalMs: 60_000,
  shutdownGraceMs: 5_000,
} as const;

export const quietLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A database prefix of its own, so tests never see each other's runs. */
export function uniquePrefix(): string {
  return `t${randomBytes(4).toString('hex')}_`;
}

export async function startExecutor(
  options: LocalInngestOptions = {},
): Promise<LocalInngest & { dbNamePrefix: string }> {
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('MONGODB_URI is not set; the vitest global setup provides it');
  const dbNamePrefix = options.dbNamePrefix ?? uniquePrefix();
  const executor = await startLocalInngest({
    port: 0,
    mongoUri,
    logger: quietLogger,
    ...options,
    dbNamePrefix,
    tuning: { ...fastTuning, ...options.tuning },
  });
  return { ...executor, dbNamePrefix };
}
