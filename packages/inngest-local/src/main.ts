import { exitOnConfigError } from '@shop/env';
import { createStructuredLogger, logFormatFrom, startTracing } from '@shop/telemetry';
import { executorProcessConfig } from './config';

/**
 * CLI: `pnpm --filter @shop/inngest-local start`. Reads PORT (default 8288), HOST, MONGODB_URI,
 * INNGEST_SYNC_URLS, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY, LOG_LEVEL, LOG_FORMAT and
 * OTEL_EXPORTER_OTLP_ENDPOINT; stops cleanly on SIGINT/SIGTERM.
 */
// A bad or missing variable stops the executor here, with one message listing every problem.
const config = exitOnConfigError(executorProcessConfig);
const service = 'inngest-local';
// Before the executor's modules load, so the MongoDB driver is instrumented as it is required.
const tracing = await startTracing({
  serviceName: service,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createStructuredLogger({
  service,
  level: config.LOG_LEVEL,
  format: logFormatFrom(config),
});
const { startLocalInngest } = await import('./start-local-inngest');

try {
  const executor = await startLocalInngest({ port: config.PORT, host: config.HOST, logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    executor
      .stop()
      .then(() => tracing?.shutdown())
      .then(
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
