import type { JobDocument, JobKind } from '../store/job-model';
import type { RunDocument } from '../store/run-model';
import type { EngineParts } from './engine-parts';
import { handleBatchTimeout } from './handle-batch';
import { handleCron } from './handle-cron';
import { handleDiscover } from './handle-discover';
import { handleStep } from './handle-step';
import { handleInvokeTimeout, handleSleep, handleWaitTimeout } from './handle-timers';

/** `known`: the run as this process just wrote it, for a job handed over as it was created. */
export type JobHandler = (
  job: JobDocument,
  shutdown: AbortSignal,
  known?: RunDocument,
) => Promise<void>;

export function jobHandlers(parts: EngineParts): Record<JobKind, JobHandler> {
  return {
    discover: (job, shutdown, known) => handleDiscover(parts, job, shutdown, known),
    step: (job, shutdown) => handleStep(parts, job, shutdown),
    sleep: (job) => handleSleep(parts, job),
    wait: (job) => handleWaitTimeout(parts, job),
    invoke: (job) => handleInvokeTimeout(parts, job),
    cron: (job) => handleCron(parts, job),
    batch: (job) => handleBatchTimeout(parts, job),
  };
}
