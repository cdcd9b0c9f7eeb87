import pino from 'pino';
import { startLocalInngest } from './start-local-inngest';

/**
 * CLI: `pnpm --filter @shop/inngest-local start`. Reads PORT (default 8288), HOST, MONGODB_URI,
 * INNGEST_SYNC_URLS, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and LOG_LEVEL; stops cleanly on
 * SIGINT/SIGTERM.
 */
const logger = pino({ name: 'inngest-local', level: process.env.LOG_LEVEL ?? 'info' });

const port = Number(process.env.PORT ?? 8288);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  logger.fatal({ port: process.env.PORT }, 'PORT must be a port number');
  process.exit(2);
}

try {
  const executor = await startLocalInngest({ port, host: process.env.HOST, logger });
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
