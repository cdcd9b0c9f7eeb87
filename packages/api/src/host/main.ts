/**
 * The cell host process: `CELLS` (default all), `PORT` (4000), `HOST` (0.0.0.0).
 * SIGTERM/SIGINT drain in-flight requests, close the databases and exit 0.
 */
import { rootLogger } from '../observability/logger';
import { createCellHost } from './create-cell-host';
import { hostedCellsFromEnv } from './hosted-cells-from-env';
import { syncInngestEndpoints } from './sync-inngest';

const logger = rootLogger;

try {
  const host = await createCellHost({
    cells: hostedCellsFromEnv(process.env.CELLS),
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '0.0.0.0',
    logger,
    shutdownGraceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000),
  });

  const shutDown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
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
