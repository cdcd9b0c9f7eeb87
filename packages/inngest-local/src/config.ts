import { dbShape } from '@shop/db/config';
import { defineConfig, envValue } from '@shop/env';
import { z } from 'zod';

/** What startLocalInngest reads when its caller does not pass it (the stack passes most). */
export const executorShape = {
  ...dbShape,
  /** Comma-separated app URLs the executor syncs. */
  INNGEST_SYNC_URLS: envValue.text(),
  INNGEST_SIGNING_KEY: envValue.text(),
  INNGEST_EVENT_KEY: envValue.text(),
  /** A bearer token `/metrics` accepts besides the signing key (Prometheus's own). */
  METRICS_TOKEN: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  /**
   * Multiplies the real engine's retry table (15 s ... 2 h, plus up to 30 s jitter). 1 is the
   * real schedule; test suites set e.g. 0.002 so a retry takes milliseconds. Above 0, at most 1:
   * the local schedule is never slower than production.
   */
  INNGEST_LOCAL_RETRY_SCALE: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .trim()
      .transform(Number)
      .pipe(
        z
          .number({ message: 'must be a number' })
          .positive({ message: 'must be above 0' })
          .max(1, { message: 'must be at most 1 (1 is the real schedule)' }),
      )
      .default(1),
  ),
  /** Largest event accepted on `/e/` in bytes (self-hosted Inngest's default 512 KiB). */
  INNGEST_LOCAL_MAX_EVENT_BYTES: envValue.integer(512 * 1024, 1, 3 * 1024 * 1024),
  /** How long finished runs and their events are kept, in hours (default 7 days). */
  INNGEST_LOCAL_RETENTION_HOURS: envValue.integer(7 * 24, 1),
} as const;

export const executorConfig = defineConfig({
  processName: 'inngest-local',
  schema: z.object(executorShape),
  source: () => process.env,
});

/** The executor's own process (main.ts): its listen address too. */
export const executorProcessConfig = defineConfig({
  processName: 'inngest-local',
  schema: z.object({
    ...executorShape,
    PORT: envValue.port(8288),
    HOST: envValue.text(),
    NODE_ENV: envValue.text(),
    /** `json` (default) or `pretty` (the default when NODE_ENV=development). */
    LOG_FORMAT: envValue.text().pipe(z.enum(['json', 'pretty']).optional()),
    /** An OTLP/HTTP collector for the executor's spans; unset, no tracing. */
    OTEL_EXPORTER_OTLP_ENDPOINT: envValue.url(),
  }),
  source: () => process.env,
});
