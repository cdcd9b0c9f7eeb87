import type { JobDocument } from '../store/job-model';
import type { EngineParts } from './engine-parts';
import { endStep } from './resume-rule';
import type { MemoEntry } from './run-state';

/** A sleep is over: the step resolves with `null`. */
export async function handleSleep(parts: EngineParts, job: JobDocument) {
  await settle(parts, job, { data: null }, 'run woke');
}

/** A `waitForEvent` reached its timeout without a matching event: it resolves with `null`. */
export async function handleWaitTimeout(parts: EngineParts, job: JobDocument) {
  await settle(parts, job, { data: null }, 'wait timed out');
}

/** A `step.invoke` timed out before the invoked run finished: the step throws. */
export async function handleInvokeTimeout(parts: EngineParts, job: JobDocument) {
  const error = {
    name: 'InngestInvokeTimeoutError',
    message: `timed out waiting for the invoked run ${job.childRunId ?? ''} to finish`,
  };
  await settle(parts, job, { error }, 'invoke timed out');
}

async function settle(parts: EngineParts, job: JobDocument, entry: MemoEntry, message: string) {
  if (job.runId && job.hash) {
    if (await endStep(parts, job.runId, job.hash, entry, job.parallelMode)) {
      parts.logger.info({ runId: job.runId, step: job.stepName }, message);
    }
  }
  await parts.queue.complete(job);
}
