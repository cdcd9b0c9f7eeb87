/**
 * The cell host process: `CELLS` (default all), `PORT` (4000), `HOST` (0.0.0.0).
 * SIGTERM/SIGINT drain in-flight requests, close the databases and exit 0.
 */
import { rootLogger } from '../observability/logger';
import { createCellHost } from './create-cell-host';
import { hostedCellsFromEnv } from './hosted-cells-from-env';
import { syncInngestEndpoints } from './sync-inngest';

const logger = rootLogger;
const defaultShutdownGraceMs = 10_000;
// A value that is not a number of milliseconds (empty, "10s") would make every timer below fire
// at once: a SIGTERM would cut in-flight requests and exit 1. Keep the default instead.
const configuredGraceMs = Number(process.env.SHUTDOWN_GRACE_MS || Number.NaN);
const shutdownGraceMs =
  Number.isFinite(configuredGraceMs) && configuredGraceMs >= 0
    ? configuredGraceMs
    : defaultShutdownGraceMs;
if (process.env.SHUTDOWN_GRACE_MS !== undefined && shutdownGraceMs !== configuredGraceMs) {
  logger.warn(
    { SHUTDOWN_GRACE_MS: process.env.SHUTDOWN_GRACE_MS, shutdownGraceMs },
    'SHUTDOWN_GRACE_MS is not a number of milliseconds; using the default',
  );
}

// A stop must always end the process, even when closing hangs (a database that vanished first
// can leave a driver's close waiting): past the drain grace plus a margin, exit anyway.
const exitAfterDeadline = () => {
  setTimeout(() => {
    logger.error({ shutdownGraceMs }, 'shutdown took too long; exiting');
    process.exit(1);
  }, shutdownGraceMs + 5_000).unref();
};

// A signal that arrives while the host is still starting stops it straight away.
const stopWhileStarting = (signal: NodeJS.Signals) => {
  logger.info({ signal }, 'stopped while starting');
  process.exit(0);
};
process.once('SIGTERM', stopWhileStarting);
process.once('SIGINT', stopWhileStarting);

try {
  const host = await createCellHost({
    cells: hostedCellsFromEnv(process.env.CELLS),
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '0.0.0.0',
    logger,
    shutdownGraceMs,
  });
  process.off('SIGTERM', stopWhileStarting);
  process.off('SIGINT', stopWhileStarting);

  const shutDown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    exitAfterDeadline();
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);

  if (process.env.INNGEST_SYNC_ON_START === '1') {
    await syncInngestEndpoints(host.url, host.cells, logger);
  }
} catch (error) {
  logger.fatal({ err: error }, 'cell host failed to start');
  process.exit(1);
}
