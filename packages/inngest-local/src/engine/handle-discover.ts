import { appCallDuration, secondsSince } from '../metrics/executor-metrics';
import type { JobDocument } from '../store/job-model';
import type { RunDocument } from '../store/run-model';
import { callApp } from './app-caller';
import type { EngineParts } from './engine-parts';
import { retryOrFail, retryWhenReachable } from './failure-policy';
import { stepLimitError } from './limit-errors';
import { planOps } from './op-planner';
import { endRun } from './end-run';

/**
 * Calls one job makes in a row before handing the run back to the queue, so a function with
 * many steps cannot keep a worker from the other runs for long.
 */
export const maxCallsPerDiscoverJob = 25;

/**
 * Calls the function from the top (`stepId=step`) with everything recorded so far. When the
 * answer says to call again at once (a step the SDK ran inline was recorded), this worker makes
 * that call itself while it holds the job, instead of queueing a new discovery and releasing
 * this one: the run's next call needs no queue round trip (a claim, a release and a timer read
 * per step). The step's result is stored before the next call, so a crash in between loses
 * nothing: the job's lease runs out and another worker calls again.
 */
export async function handleDiscover(
  parts: EngineParts,
  job: JobDocument,
  shutdown: AbortSignal,
  startedRun?: RunDocument,
) {
  let call = job;
  // A run this process just created and handed over with its first job needs no read either.
  let known = startedRun;
  for (let calls = 1; ; calls += 1) {
    const next = await discoverOnce(parts, call, shutdown, known);
    if (next === 'done') return;
    if (shutdown.aborted || calls >= maxCallsPerDiscoverJob) {
      // Back through the queue: another worker (or this one, later) makes the call.
      if (job.runId) await parts.queue.requestDiscover(job.runId);
      await parts.queue.complete(job);
      return;
    }
    // The next call starts its own attempts, as a fresh discovery request would, with the run
    // as the write that recorded the last result returned it (no second read).
    call = { ...job, attempt: 0, unreachableSince: null };
    known = next.run;
  }
}

/**
 * One call. `known`: the run as this worker's last write left it; read afresh when absent. A
 * write by someone else since (a cancellation, an event) is found by the guarded writes that
 * follow the call, exactly as one made while the call was in flight.
 */
async function discoverOnce(
  parts: EngineParts,
  job: JobDocument,
  shutdown: AbortSignal,
  known: RunDocument | undefined,
): Promise<'done' | { run?: RunDocument }> {
  const run = known ?? (job.runId ? await parts.state.load(job.runId) : null);
  if (!run || run.status !== 'Running') {
    await parts.queue.complete(job);
    return 'done';
  }
  // The engine checks the step count before every call (`checkStepLimit` in validate.go).
  const { maxSteps } = parts.config.limits;
  if (run.stack.length >= maxSteps) {
    await endRun(parts, job, () => parts.finisher.fail(run, stepLimitError(maxSteps)));
    return 'done';
  }
  // While any step runs on its own, the SDK must only plan: run inline, a step it sees as
  // unfinished might be one that is executing right now. Step jobs of a run that is not parallel
  // exist only once one was queued (`stepJobsQueued`, written before the job); until then there
  // is nothing to count.
  const mayHaveStepJobs = !run.parallel && run.stepJobsQueued !== false;
  const stepJobs = mayHaveStepJobs ? await parts.queue.countStepJobs(run.runId) : 0;
  const calledAt = Date.now();
  const outcome = await callApp({
    run,
    stepId: 'step',
    attempt: job.attempt,
    disableImmediateExecution: run.parallel || stepJobs > 0,
    signingKey: parts.config.signingKey,
    timeoutMs: parts.config.stepTimeoutMs,
    maxStepOutputBytes: parts.config.limits.maxStepOutputBytes,
    shutdown,
  });
  appCallDuration.labels(run.functionId, 'discover', outcome.kind).observe(secondsSince(calledAt));

  switch (outcome.kind) {
    case 'aborted':
      await parts.queue.release(job.jobId);
      return 'done';
    case 'unreachable':
      await retryWhenReachable(parts, job, run, outcome.reason);
      return 'done';
    case 'error':
      await retryOrFail(parts, job, run, outcome);
      return 'done';
    case 'completed':
      await endRun(parts, job, () => parts.finisher.complete(run, outcome.output));
      return 'done';
    case 'ops': {
      const verdict = await planOps(parts, run, job, outcome);
      if (verdict.kind === 'retry') {
        await retryOrFail(parts, job, run, { ...verdict, retriable: !outcome.noRetry });
        return 'done';
      }
      if (verdict.kind === 'continue' && verdict.callAgain) {
        return verdict.run ? { run: verdict.run } : {};
      }
      if (verdict.kind === 'failed') {
        await endRun(parts, job, () => parts.finisher.fail(run, verdict.error));
        return 'done';
      }
      if (verdict.kind === 'finished' && verdict.ended) return 'done';
      await parts.queue.complete(job);
      return 'done';
    }
  }
}
