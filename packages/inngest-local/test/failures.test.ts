import { NonRetriableError, type FailureEventArgs } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { waitForFunctionRun, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('failing steps and functions', () => {
  let executor: LocalInngest;
  let app: TestApp;
  const calls = { reserve: 0, charge: 0, release: 0, boom: 0, fragile: 0, onFailure: 0 };
  const failure: { message?: string; originalOrderId?: unknown; failedFunction?: unknown } = {};

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        {
          id: 'pay-with-compensation',
          retries: 2,
          triggers: [{ event: 'shop/payment.requested' }],
        },
        async ({ step }) => {
          const reservation = await step.run('reserve', () => {
            calls.reserve++;
            return 'reservation-1';
          });
          try {
            await step.run('charge', () => {
              calls.charge++;
              throw new Error('card declined');
            });
            return { compensated: false };
          } catch (error) {
            const released = await step.run('release-inventory', () => {
              calls.release++;
              return `released ${reservation}`;
            });
            return { compensated: true, released, reason: (error as Error).message };
          }
        },
      ),
      client.createFunction(
        {
          id: 'always-fails',
          retries: 1,
          triggers: [{ event: 'shop/doomed' }],
          onFailure: async ({ event, error }: FailureEventArgs) => {
            calls.onFailure++;
            failure.message = error.message;
            failure.failedFunction = event.data.function_id;
            failure.originalOrderId = (event.data.event.data as { orderId?: unknown }).orderId;
            return 'handled';
          },
        },
        async ({ step }) => {
          await step.run('boom', () => {
            calls.boom++;
            throw new Error('kaboom');
          });
        },
      ),
      client.createFunction(
        { id: 'not-retriable', retries: 3, triggers: [{ event: 'shop/fragile' }] },
        async ({ step }) => {
          await step.run('fragile', () => {
            calls.fragile++;
            throw new NonRetriableError('the order no longer exists');
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

  it('retries a failing step up to the function retries, then lets the function compensate', async () => {
    const { ids } = await app.client.send({ name: 'shop/payment.requested', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');

    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({
      compensated: true,
      released: 'released reservation-1',
      reason: 'card declined',
    });
    expect(calls.charge).toBe(3); // first attempt + 2 retries
    expect(calls.reserve).toBe(1);
    expect(calls.release).toBe(1);
  });

  it('fails the run when the function does not catch, and runs its onFailure handler', async () => {
    const { ids } = await app.client.send({ name: 'shop/doomed', data: { orderId: 'o-7' } });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(run.output).toMatchObject({ message: 'kaboom' });
    expect(calls.boom).toBe(2);

    const failureRun = await waitForFunctionRun(executor.url, 'always-fails-failure');
    expect(failureRun.status).toBe('Completed');
    expect(failureRun.output).toBe('handled');
    expect(calls.onFailure).toBe(1);
    expect(failure.message).toBe('kaboom');
    expect(failure.failedFunction).toBe(run.function_id);
    expect(failure.originalOrderId).toBe('o-7');
  });

  it('does not retry a step that throws NonRetriableError', async () => {
    const { ids } = await app.client.send({ name: 'shop/fragile', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(run.output).toMatchObject({ message: 'the order no longer exists' });
    expect(calls.fragile).toBe(1);
  });
});
