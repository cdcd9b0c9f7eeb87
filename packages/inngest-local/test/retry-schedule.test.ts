import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorConfig } from '../src/config';
import {
  defaultExecutorConfig,
  engineRetryTableMs,
  retryDelayMs,
} from '../src/engine/executor-config';
import { startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

/* The real engine's table: inngest/inngest pkg/backoff/backoff.go (`TableBackoff`). */
describe('retry schedule', () => {
  const real = { ...defaultExecutorConfig, retryScale: 1 };
  const minutes = (value: number) => value * 60_000;

  it("waits the engine's table after each failed attempt, capped at 2 h", () => {
    const delays = Array.from({ length: 12 }, (_, index) => retryDelayMs(real, index + 1, 0));
    expect(delays).toEqual([
      15_000,
      30_000,
      minutes(1),
      minutes(2),
      minutes(5),
      minutes(10),
      minutes(20),
      minutes(40),
      minutes(60),
      minutes(120),
      minutes(120),
      minutes(120),
    ]);
    expect(engineRetryTableMs).toHaveLength(10);
  });

  it('adds up to 30 s of jitter, and ten retries take about 4 h 19 min', () => {
    expect(retryDelayMs(real, 1, 0.999_999)).toBe(15_000 + 29_999);
    const tenRetries = Array.from({ length: 10 }, (_, index) => retryDelayMs(real, index + 1, 0));
    expect(tenRetries.reduce((sum, delay) => sum + delay, 0)).toBe(minutes(4 * 60 + 18) + 45_000);
  });

  it('is shortened only by an explicit scale', () => {
    expect(defaultExecutorConfig.retryScale).toBe(1);
    expect(retryDelayMs({ ...real, retryScale: 0.005 }, 1, 0)).toBe(75);
  });

  it('reads INNGEST_LOCAL_RETRY_SCALE, refusing 0, negatives and values above 1', () => {
    const saved = process.env.INNGEST_LOCAL_RETRY_SCALE;
    try {
      delete process.env.INNGEST_LOCAL_RETRY_SCALE;
      expect(executorConfig().INNGEST_LOCAL_RETRY_SCALE).toBe(1);
      process.env.INNGEST_LOCAL_RETRY_SCALE = '0.01';
      expect(executorConfig().INNGEST_LOCAL_RETRY_SCALE).toBe(0.01);
      for (const bad of ['0', '-1', '2', 'fast']) {
        process.env.INNGEST_LOCAL_RETRY_SCALE = bad;
        expect(() => executorConfig(), bad).toThrow(/INNGEST_LOCAL_RETRY_SCALE/);
      }
    } finally {
      if (saved === undefined) delete process.env.INNGEST_LOCAL_RETRY_SCALE;
      else process.env.INNGEST_LOCAL_RETRY_SCALE = saved;
    }
  });
});

/*
 * A step that fails inside a function-level retry: on the real engine its attempts are those of
 * the queue item that runs it, so they count on from the function's retry (executor.go
 * `handleStepError` increments the item's attempt; util.go `IsStepRetryable` checks it). The
 * executor does the same, so such a step gets the attempts that are left, and the run ends after
 * the function's retries, not later.
 */
describe('a step failing inside a function-level retry', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  const stepAttempts: number[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'shaky', retries: 3, triggers: [{ event: 'shop/shaky' }] },
        async ({ step, attempt }) => {
          if (attempt === 0) throw new Error('not ready yet');
          return step.run('charge', () => {
            stepAttempts.push(attempt);
            throw new Error('card service down');
          });
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('gets the attempts left after the function retry (1, 2, 3 of 0-3), then the run fails', async () => {
    const { ids } = await app.client.send({ name: 'shop/shaky', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(stepAttempts).toEqual([1, 2, 3]);
  });
});
