import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { waitForFunctionRun, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('step.sleep and step.sendEvent', () => {
  let executor: LocalInngest;
  let app: TestApp;
  const received: unknown[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'remind-later', triggers: [{ event: 'shop/cart.abandoned' }] },
        async ({ event, step }) => {
          const before = await step.run('before', () => Date.now());
          await step.sleep('cool-off', '1s');
          const after = await step.run('after', () => Date.now());
          const sent = await step.sendEvent('notify', {
            name: 'shop/reminder.requested',
            data: { cartId: event.data.cartId },
          });
          return { sleptMs: after - before, sentIds: sent.ids };
        },
      ),
      client.createFunction(
        { id: 'send-reminder', triggers: [{ event: 'shop/reminder.*' }] },
        async ({ event }) => {
          received.push(event.data);
          return { reminded: event.data.cartId };
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('sleeps, resumes, and the sent event triggers another function', async () => {
    const { ids } = await app.client.send({ name: 'shop/cart.abandoned', data: { cartId: 'c-9' } });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Completed');
    const output = run.output as { sleptMs: number; sentIds: string[] };
    expect(output.sleptMs).toBeGreaterThanOrEqual(1_000);
    expect(output.sentIds).toHaveLength(1);

    const reminder = await waitForRunEnd(executor.url, output.sentIds[0] ?? '');
    expect(reminder.status).toBe('Completed');
    expect(reminder.output).toEqual({ reminded: 'c-9' });
    expect(received).toEqual([{ cartId: 'c-9' }]);
    expect((await waitForFunctionRun(executor.url, 'send-reminder')).run_id).toBe(reminder.run_id);
  });
});
