/** Tunables of the executor. Defaults suit development; tests shorten the delays. */
export interface ExecutorConfig {
  /** When set, requests to apps are signed and `/fn/register` and `/v1/*` require it. */
  signingKey?: string;
  /** When set, `/e/:key` refuses any other key. */
  eventKey?: string;
  /** First retry delay after a failed attempt; doubles per attempt up to `retryMaxDelayMs`. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** How long one call to an app may take before it counts as a failed attempt. */
  stepTimeoutMs: number;
  /** How long a claimed job stays owned without a heartbeat; a crashed worker's jobs free up after this. */
  leaseMs: number;
  /** How long to keep retrying an app that does not answer at all before failing the run. */
  maxUnreachableMs: number;
  /** Upper bound between looks for due work (a timer for the next due job fires sooner). */
  pollIntervalMs: number;
  /** Jobs processed at once by this executor. */
  concurrency: number;
  /** How often registered app URLs are re-synced once they answered. */
  resyncIntervalMs: number;
  /** How long `stop()` waits for in-flight calls before aborting and handing them back. */
  shutdownGraceMs: number;
}

export const defaultExecutorConfig: ExecutorConfig = {
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 5 * 60_000,
  stepTimeoutMs: 5 * 60_000,
  leaseMs: 30_000,
  maxUnreachableMs: 60 * 60_000,
  pollIntervalMs: 1_000,
  concurrency: 16,
  resyncIntervalMs: 30_000,
  shutdownGraceMs: 10_000,
};

/**
 * Retries when a function sets none. Inngest documents 4 retries (5 attempts) as its default; the
 * SDK only sends `retries` when the developer configured it.
 */
export const defaultRetries = 4;

/** Exponential backoff for attempt `n` (1 = first retry), capped. */
export function retryDelayMs(config: ExecutorConfig, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(config.retryBaseDelayMs * 2 ** exponent, config.retryMaxDelayMs);
}
