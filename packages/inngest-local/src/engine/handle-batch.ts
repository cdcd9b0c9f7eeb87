import type { JobDocument } from '../store/job-model';
import type { EngineParts } from './engine-parts';

/**
 * A batch's timeout: its run starts with what it has. A batch that filled up first was closed
 * then, and closing it again starts no second run. A function no longer batching (re-synced
 * without `batchEvents`, or removed) still gets the events it was sent.
 */
export async function handleBatchTimeout(parts: EngineParts, job: JobDocument) {
  const fn = job.functionId ? await parts.registry.findFunction(job.functionId) : undefined;
  if (fn && job.batchId) await parts.batcher.close(fn, job.batchId);
  else parts.logger.warn({ batchId: job.batchId }, 'batch of a function that is gone: dropped');
  await parts.queue.complete(job);
}
