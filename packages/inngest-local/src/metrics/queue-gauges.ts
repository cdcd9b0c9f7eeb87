import { Gauge } from 'prom-client';
import type { Store } from '../store/store';
import { executorMetricsRegistry } from './executor-metrics';

/** The stores of the executors running in this process (one in production). */
const stores = new Set<Store>();

async function sumOver(read: (store: Store) => Promise<number>): Promise<number> {
  const values = await Promise.all([...stores].map(read));
  return values.reduce((sum, value) => sum + value, 0);
}

/** Jobs due now that no worker holds: work waiting for the executor. */
function dueJobs(now: Date) {
  return { dueAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
}

const registers = [executorMetricsRegistry];
new Gauge({
  name: 'inngest_local_queue_depth',
  help: 'Jobs due now and not taken by a worker (steps, discovery calls, timers that fired)',
  registers,
  async collect() {
    const now = new Date();
    this.set(await sumOver((store) => store.jobs.countDocuments(dueJobs(now))));
  },
});
new Gauge({
  name: 'inngest_local_queue_oldest_due_seconds',
  help: 'How long the longest-waiting due job has been due (0: none waiting)',
  registers,
  async collect() {
    const now = new Date();
    const oldest = await Promise.all(
      [...stores].map(async (store) => {
        const job = await store.jobs.findOne(dueJobs(now), { dueAt: 1 }).sort({ dueAt: 1 }).lean();
        return job ? (now.getTime() - new Date(job.dueAt).getTime()) / 1000 : 0;
      }),
    );
    this.set(Math.max(0, ...oldest));
  },
});
new Gauge({
  name: 'inngest_local_jobs_scheduled',
  help: 'Every job the executor holds, due or not (sleeps and waits included)',
  registers,
  async collect() {
    this.set(await sumOver((store) => store.jobs.estimatedDocumentCount()));
  },
});
new Gauge({
  name: 'inngest_local_runs_running',
  help: 'Runs not yet ended (running, sleeping or waiting for an event)',
  registers,
  async collect() {
    this.set(await sumOver((store) => store.runs.countDocuments({ status: 'Running' })));
  },
});

/** Reports this executor's queue until the returned function is called (on stop). */
export function watchQueue(store: Store): () => void {
  stores.add(store);
  return () => stores.delete(store);
}
