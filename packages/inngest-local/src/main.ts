import { exitOnConfigError } from '@shop/env';
import pino from 'pino';
import { executorProcessConfig } from './config';
import { startLocalInngest } from './start-local-inngest';

/**
 * CLI: `pnpm --filter @shop/inngest-local start`. Reads PORT (default 8288), HOST, MONGODB_URI,
 * INNGEST_SYNC_URLS, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and LOG_LEVEL; stops cleanly on
 * SIGINT/SIGTERM.
 */
// A bad or missing variable stops the executor here, with one message listing every problem.
const config = exitOnConfigError(executorProcessConfig);
const logger = pino({ name: 'inngest-local', level: config.LOG_LEVEL });

try {
  const executor = await startLocalInngest({ port: config.PORT, host: config.HOST, logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    executor.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  logger.fatal({ err: error }, 'inngest-local could not start');
  process.exit(1);
}
