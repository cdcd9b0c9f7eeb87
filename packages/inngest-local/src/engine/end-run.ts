import type { JobDocument } from '../store/job-model';
import type { EngineParts } from './engine-parts';

/**
 * Ends a run from the job that is working on it, then that job. When `end` ended the run, it
 * removed all of the run's jobs, this one included, so there is nothing left to complete; when
 * the run had ended already (cancelled while the call was in flight), the job is completed.
 */
export async function endRun(
  parts: Pick<EngineParts, 'queue'>,
  job: JobDocument,
  end: () => Promise<boolean>,
): Promise<void> {
  if (!(await end())) await parts.queue.complete(job);
}
