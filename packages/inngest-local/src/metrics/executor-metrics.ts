import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The executor's metrics, one set per process (tests may start several executors in one). */
export const executorMetricsRegistry = new Registry();
collectDefaultMetrics({ register: executorMetricsRegistry });
const registers = [executorMetricsRegistry];

export const appCallDuration = new Histogram({
  name: 'inngest_local_app_call_duration_seconds',
  help: "One call to a function's app (a step, or a discovery call), by function, kind and outcome",
  labelNames: ['function', 'kind', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

export const runDuration = new Histogram({
  name: 'inngest_local_run_duration_seconds',
  help: 'From a run starting to it ending, by function and status (Completed, Failed, Cancelled)',
  labelNames: ['function', 'status'] as const,
  // Sagas wait for payments and deadlines: minutes are normal.
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
  registers,
});

export const runsEnded = new Counter({
  name: 'inngest_local_runs_ended_total',
  help: 'Runs that ended, by function and status (Completed, Failed, Cancelled)',
  labelNames: ['function', 'status'] as const,
  registers,
});

export const retries = new Counter({
  name: 'inngest_local_retries_total',
  help: 'Attempts that failed and were scheduled again, by function and kind (step, discover)',
  labelNames: ['function', 'kind'] as const,
  registers,
});

export const appUnreachable = new Counter({
  name: 'inngest_local_app_unreachable_total',
  help: 'Calls the app did not answer at all (called again without using an attempt), by function',
  labelNames: ['function'] as const,
  registers,
});

export const databaseCommands = new Counter({
  name: 'inngest_local_database_commands_total',
  help: 'Commands the executor sent to its database, by command (find, update, delete, ...) and collection',
  labelNames: ['command', 'collection'] as const,
  registers,
});

/** Seconds since `startedMs`, for a histogram. */
export function secondsSince(startedMs: number): number {
  return Math.max(0, (Date.now() - startedMs) / 1000);
}
