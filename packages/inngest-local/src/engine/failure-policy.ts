import { appUnreachable, retries } from '../metrics/executor-metrics';
import type { JobDocument } from '../store/job-model';
import type { RunDocument } from '../store/run-model';
import type { SerializedError } from './app-caller';
import type { EngineParts } from './engine-parts';
import { endRun } from './end-run';
import { retryDelayMs } from './executor-config';

const unreachableMaxDelayMs = 10_000;

/**
 * A call failed at function level (the SDK answered with an error, or timed out): retry the same
 * job with the next attempt number after a backoff (or the app's `Retry-After`), or fail the run
 * when the error is not retriable (`x-inngest-no-retry: true`) or attempts are used up.
 */
export async function retryOrFail(
  parts: EngineParts,
  job: JobDocument,
  run: RunDocument,
  failure: { error: SerializedError; retriable: boolean; retryAfterMs?: number },
): Promise<void> {
  const nextAttempt = job.attempt + 1;
  if (!failure.retriable || nextAttempt >= run.maxAttempts) {
    await endRun(parts, job, () => parts.finisher.fail(run, failure.error));
    return;
  }
  const delayMs = failure.retryAfterMs ?? retryDelayMs(parts.config, nextAttempt);
  retries.labels(run.functionId, job.kind).inc();
  parts.logger.warn(
    {
      runId: run.runId,
      functionId: run.functionId,
      step: job.stepName,
      attempt: job.attempt,
      nextAttempt,
      delayMs,
      error: { name: failure.error.name, message: failure.error.message },
    },
    job.kind === 'step' ? 'step attempt failed; retrying' : 'function attempt failed; retrying',
  );
  await parts.queue.retryLater(job, {
    attempt: nextAttempt,
    dueAt: new Date(Date.now() + delayMs),
  });
}

/**
 * The app did not answer at all. That says nothing about the function, so attempts are not used
 * up; the call is repeated with a growing delay until the app is back or `maxUnreachableMs` passed
 * (an app restarting in development must not fail every run in flight).
 */
export async function retryWhenReachable(
  parts: EngineParts,
  job: JobDocument,
  run: RunDocument,
  reason: string,
): Promise<void> {
  const now = Date.now();
  const since = job.unreachableSince ? new Date(job.unreachableSince).getTime() : now;
  const downForMs = now - since;
  if (downForMs >= parts.config.maxUnreachableMs) {
    await endRun(parts, job, () =>
      parts.finisher.fail(run, {
        name: 'Error',
        message: `the app at ${run.stepUrl} was unreachable for ${Math.round(downForMs / 1000)} s: ${reason}`,
      }),
    );
    return;
  }
  const delayMs = Math.min(
    // 1 s at first (shortened with the retry scale, for tests), growing with the outage.
    Math.max(Math.max(50, 1_000 * parts.config.retryScale), downForMs),
    unreachableMaxDelayMs,
  );
  appUnreachable.labels(run.functionId).inc();
  const log = job.unreachableSince ? parts.logger.debug : parts.logger.warn;
  log.call(
    parts.logger,
    { runId: run.runId, functionId: run.functionId, reason, delayMs },
    'app unreachable; will call again',
  );
  await parts.queue.retryLater(job, {
    attempt: job.attempt,
    dueAt: new Date(now + delayMs),
    unreachableSince: new Date(since),
  });
}
