import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startLocalInngest, type LocalInngest, type LocalInngestOptions } from '../../src';

/** Short timings so retries, leases and polling do not slow the suite down. */
export const fastTuning = {
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 1_000,
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
