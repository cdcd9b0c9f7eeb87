import { openStore } from '../../src/store/store';
import { sleep } from './read-api';

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
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const kinds = (await store.jobs.find({}, { kind: 1 }).lean()).map((job) => job.kind);
      const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
      const busy = count('discover') + count('step');
      if (
        busy === 0 &&
        count('sleep') === (expected.sleep ?? 0) &&
        count('wait') === (expected.wait ?? 0)
      ) {
        return;
      }
      if (Date.now() > deadline) throw new Error(`runs did not park; jobs: ${kinds.join(', ')}`);
      await sleep(20);
    }
  } finally {
    await store.close();
  }
}
