import { waitFor } from '@shop/db/testing';
import { openStore } from '../../src/store/store';

/**
 * Waits until the executor's queue holds only timer-like jobs (sleeps, waits, invokes, crons):
 * every run is parked and no call to an app is in flight or due. Tests use it to act (send the
 * awaited event, stop the executor) at a known point instead of after a guessed delay.
 */
export async function waitUntilParked(
  dbNamePrefix: string,
  expected: { sleep?: number; wait?: number },
  timeoutMs = 10_000,
): Promise<void> {
  const store = await openStore(process.env.MONGODB_URI ?? '', dbNamePrefix);
  let kinds: string[] = [];
  try {
    await waitFor(
      async () => {
        kinds = (await store.jobs.find({}, { kind: 1 }).lean()).map((job) => job.kind);
        const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
        const busy = count('discover') + count('step');
        return (
          busy === 0 &&
          count('sleep') === (expected.sleep ?? 0) &&
          count('wait') === (expected.wait ?? 0)
        );
      },
      { what: `runs to park (${JSON.stringify(expected)})`, timeoutMs, intervalMs: 20 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; jobs: ${kinds.join(', ')}`);
  } finally {
    await store.close();
  }
}

/**
 * Waits until each of these runs is asleep in a `step.sleep` (its sleep job is queued). Unlike
 * `waitUntilParked` it ignores other runs, so it works next to a cron function that keeps running.
 */
export async function waitUntilAsleep(dbNamePrefix: string, runIds: string[]): Promise<void> {
  const store = await openStore(process.env.MONGODB_URI ?? '', dbNamePrefix);
  try {
    await waitFor(
      async () => {
        const asleep = await store.jobs.distinct('runId', {
          kind: 'sleep',
          runId: { $in: runIds },
        });
        return asleep.length === runIds.length;
      },
      { what: `runs ${runIds.join(', ')} to reach their sleep`, timeoutMs: 10_000 },
    );
  } finally {
    await store.close();
  }
}
