import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutor } from './support/executor';
import { waitUntilParked } from './support/parked';
import { runsForEvent, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The real engine stores every event, including one whose `id` it has seen, and matches it
 * against waiting runs; only starting a function is deduplicated, per function, by
 * `hash(function id) - hash(event id or idempotency key)` (executor.go `idempotencyKey`).
 */
describe('event ids and idempotency', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  const receipts: string[] = [];
  const charges: string[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'await-payment', triggers: [{ event: 'shop/order.placed' }] },
        async ({ step }) => {
          const paid = await step.waitForEvent('paid', {
            event: 'shop/payment.done',
            timeout: '3s',
            match: 'data.orderId',
          });
          return paid ? 'paid' : 'timed out';
        },
      ),
      client.createFunction(
        { id: 'send-receipt', triggers: [{ event: 'shop/payment.done' }] },
        async ({ event }) => {
          receipts.push(event.data.orderId as string);
        },
      ),
      client.createFunction(
        { id: 'charge', idempotency: 'event.data.orderId', triggers: [{ event: 'shop/charge' }] },
        async ({ event }) => {
          charges.push(event.data.orderId as string);
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('matches a redelivered event (same id) against a run that started waiting after the first delivery', async () => {
    const payment = { name: 'shop/payment.done', id: 'pay-o-1', data: { orderId: 'o-1' } };
    const first = await app.client.send(payment);
    await waitForRunEnd(executor.url, first.ids[0] ?? '');

    const { ids } = await app.client.send({ name: 'shop/order.placed', data: { orderId: 'o-1' } });
    await waitUntilParked(executor.dbNamePrefix, { wait: 1 });
    await app.client.send(payment);

    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: 'paid' });
    // Redelivered, it did not start `send-receipt` a second time.
    expect(receipts.filter((order) => order === 'o-1')).toEqual(['o-1']);
  });

  it('starts one run when several sends with one event id arrive at once', async () => {
    const payment = { name: 'shop/payment.done', id: 'pay-o-2', data: { orderId: 'o-2' } };
    const sends = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${executor.url}/e/any`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payment),
        }).then(async (response) => ((await response.json()) as { ids: string[] }).ids[0] ?? ''),
      ),
    );
    const marker = await app.client.send({ name: 'shop/payment.done', data: { orderId: 'm-2' } });
    await waitForRunEnd(executor.url, marker.ids[0] ?? '');
    const runs = (await Promise.all(sends.map((id) => runsForEvent(executor.url, id)))).flat();
    expect(runs).toHaveLength(1);
    await waitForRunEnd(executor.url, runs[0]?.event_id ?? '');
    expect(receipts.filter((order) => order === 'o-2')).toEqual(['o-2']);
  });

  it('starts one run per function idempotency key, even for concurrent sends', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () =>
        app.client.send({ name: 'shop/charge', data: { orderId: 'c-1' } }),
      ),
    );
    const marker = await app.client.send({ name: 'shop/charge', data: { orderId: 'c-marker' } });
    await waitForRunEnd(executor.url, marker.ids[0] ?? '');
    expect(charges.filter((order) => order === 'c-1')).toEqual(['c-1']);
  });
});
