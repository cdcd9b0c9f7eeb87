import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../src/engine/housekeeping';
import { JobQueue } from '../src/engine/job-queue';
import { RunKeys } from '../src/engine/run-keys';
import { openStore, type Store } from '../src/store/store';
import { uniquePrefix } from './support/executor';

const silent = pino({ level: 'silent' });

describe('job leases', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(process.env.MONGODB_URI ?? '', uniquePrefix());
  });
  afterAll(() => store?.close());

  it('lets only the lease holder end a job: a worker whose lease was taken over deletes nothing', async () => {
    const first = new JobQueue(store.jobs, 'worker-a', 50, () => undefined);
    const second = new JobQueue(store.jobs, 'worker-b', 60_000, () => undefined);
    await first.enqueueOnce({
      jobId: 'run-1:step:h1',
      kind: 'step',
      runId: 'run-1',
      dueAt: new Date(),
    });

    const held = await first.claimNext();
    expect(held?.leaseOwner).toBe('worker-a');
    // Worker A stalls past its lease; worker B takes the job over.
    const later = new Date(Date.now() + 1_000);
    const taken = await second.claimNext(later);
    expect(taken?.jobId).toBe('run-1:step:h1');

    // A wakes up: its lease is gone, and ending the job must not delete B's.
    expect(await first.renewLease('run-1:step:h1')).toBe(false);
    await first.complete(held!);
    expect(await store.jobs.findOne({ jobId: 'run-1:step:h1' }).lean()).toMatchObject({
      leaseOwner: 'worker-b',
    });

    expect(await second.renewLease('run-1:step:h1')).toBe(true);
    await second.complete(taken!);
    expect(await store.jobs.exists({ jobId: 'run-1:step:h1' })).toBeNull();
  });
});

describe('retention', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(process.env.MONGODB_URI ?? '', uniquePrefix());
  });
  afterAll(() => store?.close());

  const day = 24 * 60 * 60_000;
  const run = (runId: string, status: string, endedDaysAgo?: number) => ({
    runId,
    appId: 'app',
    functionId: 'app-fn',
    functionName: 'fn',
    stepUrl: 'http://127.0.0.1:1/api/inngest',
    maxAttempts: 5,
    eventsJson: '[]',
    status,
    startedAt: new Date(Date.now() - 30 * day),
    ...(endedDaysAgo === undefined ? {} : { endedAt: new Date(Date.now() - endedDaysAgo * day) }),
  });

  it('deletes ended runs and finished events older than the retention, never a running run', async () => {
    await store.runs.insertMany([
      run('old-done', 'Completed', 8),
      run('old-failed', 'Failed', 10),
      run('recent-done', 'Completed', 1),
      run('old-running', 'Running'),
    ]);
    const event = (eventId: string, daysAgo: number, fanoutDone = true) => ({
      eventId,
      name: 'shop/x',
      payloadJson: '{}',
      receivedAt: new Date(Date.now() - daysAgo * day),
      fanoutDone,
    });
    await store.events.insertMany([
      event('old', 9),
      event('recent', 2),
      event('old-unfinished', 9, false),
    ]);
    await new RunKeys(store.runKeys).claim(
      'app-fn',
      'key-1',
      'old-done',
      new Date(Date.now() - 2 * day),
    );

    await applyRetention(store, 7 * day, silent);

    const runs = (await store.runs.find({}, { runId: 1 }).lean()).map((doc) => doc.runId).sort();
    expect(runs).toEqual(['old-running', 'recent-done']);
    const events = (await store.events.find({}, { eventId: 1 }).lean())
      .map((doc) => doc.eventId)
      .sort();
    expect(events).toEqual(['old-unfinished', 'recent']);
    expect(await store.runKeys.countDocuments()).toBe(0);
  });

  it('has the indexes its queries need on a real MongoDB', async () => {
    const keys = async (model: { listIndexes(): Promise<{ key: Record<string, number> }[]> }) =>
      (await model.listIndexes()).map((index) => JSON.stringify(index.key));
    expect(await keys(store.runs)).toEqual(
      expect.arrayContaining(['{"runId":1}', '{"endedAt":1}', '{"status":1,"startedAt":1}']),
    );
    expect(await keys(store.events)).toEqual(
      expect.arrayContaining(['{"eventId":1}', '{"fanoutDone":1,"receivedAt":1}']),
    );
    expect(await keys(store.jobs)).toEqual(
      expect.arrayContaining(['{"dueAt":1}', '{"kind":1,"eventName":1,"dueAt":1}']),
    );
    expect(await keys(store.runKeys)).toEqual(
      expect.arrayContaining(['{"key":1}', '{"expiresAt":1}']),
    );
  });
});
