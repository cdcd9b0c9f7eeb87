import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { waitUntilParked } from './support/parked';
import { runsForEvent, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('step.waitForEvent', () => {
  let executor: LocalInngest & { dbNamePrefix: string };
  let app: TestApp;

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'await-payment', triggers: [{ event: 'shop/order.created' }] },
        async ({ event, step }) => {
          const payment = await step.waitForEvent('payment-captured', {
            event: 'shop/payment.captured',
            timeout: '1s',
            if: 'event.data.orderId == async.data.orderId && async.data.amount >= 100',
          });
          if (!payment) return { outcome: 'timed out', orderId: event.data.orderId };
          return { outcome: 'paid', paymentId: payment.data.paymentId };
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('resumes with null when no matching event arrives before the timeout', async () => {
    const started = Date.now();
    const { ids } = await app.client.send({ name: 'shop/order.created', data: { orderId: 'o-1' } });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ outcome: 'timed out', orderId: 'o-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('resumes with the first later event that satisfies the if expression', async () => {
    const { ids } = await app.client.send({ name: 'shop/order.created', data: { orderId: 'o-2' } });
    // Only events sent after the run is waiting can match, so send the candidates then.
    await waitUntilParked(executor.dbNamePrefix, { wait: 1 });
    expect((await runsForEvent(executor.url, ids[0] ?? ''))[0]?.status).toBe('Running');

    await app.client.send([
      {
        name: 'shop/payment.captured',
        data: { orderId: 'o-3', amount: 500, paymentId: 'wrong-order' },
      },
      {
        name: 'shop/payment.captured',
        data: { orderId: 'o-2', amount: 50, paymentId: 'too-small' },
      },
      { name: 'shop/payment.captured', data: { orderId: 'o-2', amount: 150, paymentId: 'pay-ok' } },
    ]);
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ outcome: 'paid', paymentId: 'pay-ok' });
  });
});
