/** Tunables of the executor. Defaults are the real engine's; tests shorten the delays. */
export interface ExecutorConfig {
  /** When set, requests to apps are signed and `/fn/register` and `/v1/*` require it. */
  signingKey?: string;
  /** When set, `/e/:key` refuses any other key. */
  eventKey?: string;
  /**
   * Multiplies the real engine's retry table and jitter (1 = production timing). Only test
   * suites shorten it (`INNGEST_LOCAL_RETRY_SCALE`), so retries behave as they will in production.
   */
  retryScale: number;
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
  /** Finished runs, their events and expired idempotency keys are deleted after this. */
  retentionMs: number;
  /** The real engine's limits; a function that breaks one fails here as it would there. */
  limits: ExecutorLimits;
}

/** Sources: inngest/inngest `pkg/consts/consts.go`. */
export interface ExecutorLimits {
  /** `DefaultMaxEventSize` (512 KiB); Inngest Cloud's free plan allows 256 KiB. */
  maxEventBytes: number;
  /** `MaxStepOutputSize` (4 MiB). */
  maxStepOutputBytes: number;
  /** `DefaultMaxStateSizeLimit` (32 MiB). */
  maxStateBytes: number;
  /** `DefaultMaxStepLimit` (1,000). */
  maxSteps: number;
}

export const engineLimits: ExecutorLimits = {
  maxEventBytes: 512 * 1024,
  maxStepOutputBytes: 4 * 1024 * 1024,
  maxStateBytes: 32 * 1024 * 1024,
  maxSteps: 1_000,
};

export const defaultExecutorConfig: ExecutorConfig = {
  retryScale: 1,
  stepTimeoutMs: 5 * 60_000,
  leaseMs: 30_000,
  maxUnreachableMs: 60 * 60_000,
  pollIntervalMs: 1_000,
  concurrency: 16,
  resyncIntervalMs: 30_000,
  shutdownGraceMs: 10_000,
  retentionMs: 7 * 24 * 60 * 60_000,
  limits: engineLimits,
};

/**
 * Retries when a function sets none. Inngest documents 4 retries (5 attempts) as its default; the
 * SDK only sends `retries` when the developer configured it.
 */
export const defaultRetries = 4;

/**
 * The real engine's retry table (inngest/inngest `pkg/backoff/backoff.go`, `TableBackoff`, the
 * queue's default): the delay after failed attempt `n` (0-based) is `table[min(n, 9)]` plus up to
 * 30 s of random jitter.
 */
export const engineRetryTableMs = [
  15_000,
  30_000,
  60_000,
  2 * 60_000,
  5 * 60_000,
  10 * 60_000,
  20 * 60_000,
  40 * 60_000,
  60 * 60_000,
  2 * 60 * 60_000,
] as const;
export const engineRetryJitterMs = 30_000;

/**
 * Delay before retry `attempt` (1 = first retry, i.e. after failed attempt 0), scaled by
 * `retryScale`. `random` is injectable so the schedule can be checked exactly.
 */
export function retryDelayMs(config: ExecutorConfig, attempt: number, random = Math.random()) {
  const failed = Math.max(0, attempt - 1);
  const base = engineRetryTableMs[Math.min(failed, engineRetryTableMs.length - 1)] ?? 0;
  return Math.round((base + Math.floor(random * engineRetryJitterMs)) * config.retryScale);
}
