import type { Logger } from 'pino';
import type { JobModel } from '../store/job-model';
import type { RunDocument, RunModel } from '../store/run-model';
import type { EventIngestor } from './event-ingestor';
import type { JobQueue } from './job-queue';

const settleMs = 30_000;

/**
 * Safety net for the narrow windows where a process can die between two single-document writes:
 * events whose fan-out did not finish are fanned out again, and running runs that have no job at
 * all get a discovery call. Both actions are idempotent.
 */
export function housekeeping(parts: {
  ingestor: EventIngestor;
  runs: RunModel;
  jobs: JobModel;
  queue: JobQueue;
  logger: Logger;
}): () => Promise<void> {
  return async () => {
    const resumed = await parts.ingestor.resumeUnfinished(5_000);
    if (resumed > 0) parts.logger.info({ events: resumed }, 'resumed interrupted event fan-outs');

    const running = await parts.runs
      .find(
        { status: 'Running', startedAt: { $lt: new Date(Date.now() - settleMs) } },
        { runId: 1 },
      )
      .lean<Pick<RunDocument, 'runId'>[]>();
    if (running.length === 0) return;
    const withJobs = new Set<string>(
      (await parts.jobs.distinct('runId', {
        runId: { $in: running.map((run) => run.runId) },
      })) as string[],
    );
    for (const run of running) {
      if (withJobs.has(run.runId)) continue;
      parts.logger.warn({ runId: run.runId }, 'run had no pending work; calling it again');
      await parts.queue.requestDiscover(run.runId);
    }
  };
}
