/**
 * The cell host process after its configuration was accepted (main.ts): hosts `CELLS` on
 * `HOST`:`PORT`. SIGTERM/SIGINT drain in-flight requests, close the databases and exit 0.
 */
import type { Tracing } from '@shop/telemetry';
import type { HostConfig } from '../config/host';
import { rootLogger } from '../observability/logger';
import { createCellHost } from './create-cell-host';
import { syncInngestEndpoints } from './sync-inngest';

export async function runCellHost(config: HostConfig, tracing?: Tracing): Promise<void> {
  const logger = rootLogger;
  const shutdownGraceMs = config.SHUTDOWN_GRACE_MS;
  if (config.NODE_ENV === 'production' && config.PAYMENTS_TEST_MODE && !config.STRIPE_SECRET_KEY) {
    logger.warn(
      'PAYMENTS_TEST_MODE: payments go through the built-in test processor; no card is charged',
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
      cells: config.CELLS ?? 'all',
      port: config.PORT,
      host: config.HOST,
      logger,
      shutdownGraceMs,
    });
    process.off('SIGTERM', stopWhileStarting);
    process.off('SIGINT', stopWhileStarting);

    const shutDown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      exitAfterDeadline();
      host
        .close()
        // Spans still buffered for the collector are sent before the process ends.
        .then(() => tracing?.shutdown())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    };
    process.once('SIGTERM', shutDown);
    process.once('SIGINT', shutDown);

    if (config.INNGEST_SYNC_ON_START) {
      await syncInngestEndpoints(host.url, host.cells, logger);
    }
  } catch (error) {
    logger.fatal({ err: error }, 'cell host failed to start');
    process.exit(1);
  }
}
