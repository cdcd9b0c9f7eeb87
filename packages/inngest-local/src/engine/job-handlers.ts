import type { JobDocument, JobKind } from '../store/job-model';
import type { EngineParts } from './engine-parts';
import { handleBatchTimeout } from './handle-batch';
import { handleCron } from './handle-cron';
import { handleDiscover } from './handle-discover';
import { handleStep } from './handle-step';
import { handleInvokeTimeout, handleSleep, handleWaitTimeout } from './handle-timers';

export type JobHandler = (job: JobDocument, shutdown: AbortSignal) => Promise<void>;

export function jobHandlers(parts: EngineParts): Record<JobKind, JobHandler> {
  return {
    discover: (job, shutdown) => handleDiscover(parts, job, shutdown),
    step: (job, shutdown) => handleStep(parts, job, shutdown),
    sleep: (job) => handleSleep(parts, job),
    wait: (job) => handleWaitTimeout(parts, job),
    invoke: (job) => handleInvokeTimeout(parts, job),
    cron: (job) => handleCron(parts, job),
    batch: (job) => handleBatchTimeout(parts, job),
  };
}
