import { appCallDuration, secondsSince } from '../metrics/executor-metrics';
import type { JobDocument } from '../store/job-model';
import { callApp } from './app-caller';
import type { EngineParts } from './engine-parts';
import { retryOrFail, retryWhenReachable } from './failure-policy';
import { stepLimitError } from './limit-errors';
import { planOps } from './op-planner';

/** Calls the function from the top (`stepId=step`) with everything recorded so far. */
export async function handleDiscover(parts: EngineParts, job: JobDocument, shutdown: AbortSignal) {
  const run = job.runId ? await parts.state.load(job.runId) : null;
  if (!run || run.status !== 'Running') {
    await parts.queue.complete(job);
    return;
  }
  // The engine checks the step count before every call (`checkStepLimit` in validate.go).
  const { maxSteps } = parts.config.limits;
  if (run.stack.length >= maxSteps) {
    await parts.finisher.fail(run, stepLimitError(maxSteps));
    await parts.queue.complete(job);
    return;
  }
  // While any step runs on its own, the SDK must only plan: run inline, a step it sees as
  // unfinished might be one that is executing right now.
  const stepJobs = await parts.queue.countStepJobs(run.runId);
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
      return;
    case 'unreachable':
      await retryWhenReachable(parts, job, run, outcome.reason);
      return;
    case 'error':
      await retryOrFail(parts, job, run, outcome);
      return;
    case 'completed':
      await parts.finisher.complete(run, outcome.output);
      await parts.queue.complete(job);
      return;
    case 'ops': {
      const verdict = await planOps(parts, run, job, outcome);
      if (verdict.kind === 'retry') {
        await retryOrFail(parts, job, run, { ...verdict, retriable: !outcome.noRetry });
        return;
      }
      if (verdict.kind === 'failed') {
        await parts.finisher.fail(run, verdict.error);
      }
      await parts.queue.complete(job);
    }
  }
}
