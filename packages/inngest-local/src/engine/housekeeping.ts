import type { Logger } from 'pino';
import type { RunDocument } from '../store/run-model';
import type { Store } from '../store/store';
import type { EventIngestor } from './event-ingestor';
import type { JobQueue } from './job-queue';

const settleMs = 30_000;

/**
 * Safety net for the narrow windows where a process can die between two single-document writes:
 * events whose fan-out did not finish are fanned out again, and running runs that have no job at
 * all get a discovery call. Both actions are idempotent. It also applies retention.
 */
export function housekeeping(parts: {
  ingestor: EventIngestor;
  store: Pick<Store, 'runs' | 'jobs' | 'events' | 'runKeys' | 'batches'>;
  queue: JobQueue;
  logger: Logger;
  retentionMs: number;
}): () => Promise<void> {
  const { store } = parts;
  return async () => {
    const resumed = await parts.ingestor.resumeUnfinished(5_000);
    if (resumed > 0) parts.logger.info({ events: resumed }, 'resumed interrupted event fan-outs');

    await applyRetention(store, parts.retentionMs, parts.logger);

    const running = await store.runs
      .find(
        { status: 'Running', startedAt: { $lt: new Date(Date.now() - settleMs) } },
        { runId: 1 },
      )
      .lean<Pick<RunDocument, 'runId'>[]>();
    if (running.length === 0) return;
    const withJobs = new Set<string>(
      (await store.jobs.distinct('runId', {
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

/**
 * Deletes what is older than the retention period: ended runs (by `endedAt`), events whose
 * fan-out is done (by `receivedAt`; a run keeps its own copy of its events) and expired
 * idempotency keys (a real MongoDB's TTL index does that too). Running runs are never touched.
 */
export async function applyRetention(
  store: Pick<Store, 'runs' | 'events' | 'runKeys' | 'batches'>,
  retentionMs: number,
  logger: Logger,
  now = new Date(),
): Promise<void> {
  const before = new Date(now.getTime() - retentionMs);
  const runs = await store.runs.deleteMany({
    status: { $ne: 'Running' },
    endedAt: { $lt: before },
  });
  const events = await store.events.deleteMany({ fanoutDone: true, receivedAt: { $lt: before } });
  await store.runKeys.deleteMany({ expiresAt: { $lte: now } });
  // A closed batch's run holds its own copy of the events.
  await store.batches.deleteMany({ status: 'closed', openedAt: { $lt: before } });
  if (runs.deletedCount > 0 || events.deletedCount > 0) {
    logger.info(
      { runs: runs.deletedCount, events: events.deletedCount },
      'deleted runs and events past retention',
    );
  }
}
