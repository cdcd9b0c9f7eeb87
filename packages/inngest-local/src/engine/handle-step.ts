import { appCallDuration, secondsSince } from '../metrics/executor-metrics';
import { opcodes } from '../protocol/outgoing-op';
import type { JobDocument } from '../store/job-model';
import { callApp, toSerializedError } from './app-caller';
import { endRun } from './end-run';
import type { EngineParts } from './engine-parts';
import { retryOrFail, retryWhenReachable } from './failure-policy';
import { overflowsState, stateOverflowError, stepLimitError } from './limit-errors';
import { endStep, shouldCallAgain } from './resume-rule';

/** Runs one planned step on its own (`stepId=<hashed id>`), retrying it per the function's policy. */
export async function handleStep(parts: EngineParts, job: JobDocument, shutdown: AbortSignal) {
  const { state, queue, logger } = parts;
  const run = job.runId ? await state.load(job.runId) : null;
  const hash = job.hash;
  if (!run || run.status !== 'Running' || !hash) {
    await queue.complete(job);
    return;
  }
  if (run.steps?.[hash] !== undefined) {
    // Recorded by an earlier holder of this job that stopped before tidying up.
    if (shouldCallAgain((run.pending ?? []).length > 0, job.parallelMode)) {
      await queue.requestDiscover(run.runId);
    }
    await queue.complete(job);
    return;
  }
  const { maxSteps, maxStateBytes, maxStepOutputBytes } = parts.config.limits;
  if (run.stack.length >= maxSteps) {
    await endRun(parts, job, () => parts.finisher.fail(run, stepLimitError(maxSteps)));
    return;
  }

  const calledAt = Date.now();
  const outcome = await callApp({
    run,
    stepId: hash,
    attempt: job.attempt,
    disableImmediateExecution: true,
    signingKey: parts.config.signingKey,
    timeoutMs: parts.config.stepTimeoutMs,
    maxStepOutputBytes,
    shutdown,
  });
  appCallDuration.labels(run.functionId, 'step', outcome.kind).observe(secondsSince(calledAt));
  const context = {
    runId: run.runId,
    functionId: run.functionId,
    step: job.stepName,
    attempt: job.attempt,
  };

  switch (outcome.kind) {
    case 'aborted':
      await queue.release(job.jobId);
      return;
    case 'unreachable':
      await retryWhenReachable(parts, job, run, outcome.reason);
      return;
    case 'error':
      await retryOrFail(parts, job, run, outcome);
      return;
    case 'completed':
      await endRun(parts, job, () => parts.finisher.complete(run, outcome.output));
      return;
    case 'ops': {
      const op = outcome.ops.find((candidate) => candidate.id === hash) ?? outcome.ops[0];
      if (op?.op === opcodes.stepRun) {
        if (overflowsState(run, op.data, maxStateBytes)) {
          await endRun(parts, job, () =>
            parts.finisher.fail(run, stateOverflowError(maxStateBytes)),
          );
          return;
        }
        if (await endStep(parts, run.runId, hash, { data: op.data ?? null }, job.parallelMode)) {
          logger.info(context, 'step completed');
        }
      } else if (
        op?.op === opcodes.stepFailed ||
        (op?.op === opcodes.stepError && (outcome.noRetry || job.attempt + 1 >= run.maxAttempts))
      ) {
        const error = toSerializedError(op.error);
        if (await endStep(parts, run.runId, hash, { error }, job.parallelMode)) {
          logger.warn(
            { ...context, error: { name: error.name, message: error.message } },
            'step failed',
          );
        }
      } else if (op?.op === opcodes.stepError) {
        await retryOrFail(parts, job, run, {
          error: toSerializedError(op.error),
          retriable: true,
          retryAfterMs: outcome.retryAfterMs,
        });
        return;
      } else {
        await retryOrFail(parts, job, run, {
          error: {
            name: 'StepNotFound',
            message: `the SDK did not run step "${job.stepName}" (answered ${op?.op ?? 'nothing'})`,
          },
          retriable: true,
        });
        return;
      }
      await queue.complete(job);
    }
  }
}
