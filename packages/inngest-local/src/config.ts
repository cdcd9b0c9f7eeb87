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
} as const;

export const executorConfig = defineConfig({
  processName: 'inngest-local',
  schema: z.object(executorShape),
  source: () => process.env,
});

/** The executor's own process (main.ts): its listen address too. */
export const executorProcessConfig = defineConfig({
  processName: 'inngest-local',
  schema: z.object({ ...executorShape, PORT: envValue.port(8288), HOST: envValue.text() }),
  source: () => process.env,
});
