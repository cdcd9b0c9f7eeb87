import { startLocalInngest, type LocalInngest } from '@shop/inngest-local';
import pino from 'pino';
import type { Domain } from '../../src/domains';
import type { CellHost, CellHostOptions } from '../../src/host';

/** Retry timing for tests: the engine's schedule scaled down (75 ms, 150 ms, 300 ms ...). */
export const testRetryScale = 0.005;

export interface HostWithExecutor {
  host: CellHost;
  executor: LocalInngest;
  /** Stops the host, its database connections and the executor, and restores the environment. */
  stop(): Promise<void>;
}

/**
 * A cell host whose Inngest functions run on a local executor, registered and ready to receive
 * events. Call it once the test file's data is in place (the executor keeps its state under the
 * file's database prefix too). The SDK reads INNGEST_* (and cells read `env`) when each cell's
 * modules load, so they are set here first and the cells imported after: the calling file must not
 * import cell modules statically.
 */
export async function startHostWithExecutor(
  cells: readonly Domain[],
  options: { env?: Record<string, string>; host?: Partial<CellHostOptions> } = {},
): Promise<HostWithExecutor> {
  const silent = pino({ level: 'silent' });
  // TEST_EXECUTOR_LOG_LEVEL=info shows the executor's run log (which run waits, what failed).
  const executorLogger = pino({ level: process.env.TEST_EXECUTOR_LOG_LEVEL ?? 'silent' });
  const executor = await startLocalInngest({
    port: 0,
    logger: executorLogger,
    // The real retry table (15 s, 30 s, 1 min ... plus jitter) at 1/200, so retries take ms.
    tuning: { pollIntervalMs: 50, retryScale: testRetryScale },
  });
  const env = { INNGEST_DEV: '1', INNGEST_BASE_URL: executor.url, ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);

  const { startTestHost, stopTestHosts } = await import('./test-host');
  const host = await startTestHost(cells, options.host);
  const { syncInngestEndpoints } = await import('../../src/host/sync-inngest');
  await syncInngestEndpoints(host.url, host.cells, silent);

  return {
    host,
    executor,
    stop: async () => {
      await stopTestHosts(host);
      await executor.stop();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
