import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

// The executor's /metrics, which the executor dashboard and the backlog alert read
// (docs/observability/metrics-and-alerts.md): runs ended and their durations, step calls,
// retries, failures and the queue.

function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([\w:]+)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[3] ?? '';
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`))) {
      total += Number(match[4]);
    }
  }
  return total;
}

describe("the executor's /metrics", () => {
  let executor: LocalInngest;
  let app: TestApp;
  let failures = 0;

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'metered-ok', retries: 2, triggers: [{ event: 'shop/metered-ok' }] },
        async ({ step }) =>
          step.run('flaky-once', () => {
            failures += 1;
            if (failures === 1) throw new Error('first attempt fails');
            return 'done';
          }),
      ),
      client.createFunction(
        { id: 'metered-fail', retries: 0, triggers: [{ event: 'shop/metered-fail' }] },
        async () => {
          throw new Error('always fails');
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('counts ended runs by status, step calls, retries and reports the queue', async () => {
    const ok = await app.client.send({ name: 'shop/metered-ok', data: {} });
    const failed = await app.client.send({ name: 'shop/metered-fail', data: {} });
    expect((await waitForRunEnd(executor.url, ok.ids[0] ?? '')).status).toBe('Completed');
    expect((await waitForRunEnd(executor.url, failed.ids[0] ?? '')).status).toBe('Failed');

    const response = await fetch(`${executor.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const fn = (id: string) => `${app.client.id}-${id}`;
    expect(
      sample(text, 'inngest_local_runs_ended_total', {
        function: fn('metered-ok'),
        status: 'Completed',
      }),
    ).toBe(1);
    expect(
      sample(text, 'inngest_local_runs_ended_total', {
        function: fn('metered-fail'),
        status: 'Failed',
      }),
    ).toBe(1);
    expect(
      sample(text, 'inngest_local_run_duration_seconds_count', { function: fn('metered-ok') }),
    ).toBe(1);
    expect(sample(text, 'inngest_local_retries_total', { function: fn('metered-ok') })).toBe(1);
    expect(
      sample(text, 'inngest_local_app_call_duration_seconds_count', { function: fn('metered-ok') }),
    ).toBeGreaterThanOrEqual(2);
    // Both runs ended: nothing of theirs is waiting.
    expect(text).toMatch(/^inngest_local_queue_depth \d+$/m);
    expect(sample(text, 'inngest_local_runs_running')).toBe(0);
  });

  it('needs the signing key (or METRICS_TOKEN) once one is configured', async () => {
    const signed = await startExecutor({
      signingKey: 'signkey-test-0123456789abcdef0123456789abcdef',
      metricsToken: 'metrics-token-for-the-executor-test-0123456789',
    });
    try {
      const asked = (authorization?: string) =>
        fetch(`${signed.url}/metrics`, { headers: authorization ? { authorization } : {} }).then(
          (response) => response.status,
        );
      expect(await asked()).toBe(401);
      expect(await asked('Bearer wrong')).toBe(401);
      expect(await asked('Bearer metrics-token-for-the-executor-test-0123456789')).toBe(200);
      expect(await asked('Bearer signkey-test-0123456789abcdef0123456789abcdef')).toBe(200);
    } finally {
      await signed.stop();
    }
  });
});
