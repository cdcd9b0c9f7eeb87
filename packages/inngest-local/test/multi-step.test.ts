import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('a multi-step function', () => {
  let executor: LocalInngest;
  let app: TestApp;
  const calls = { reserve: 0, charge: 0, confirm: 0, handler: 0 };
  const seen: { chargeInput?: unknown; confirmInput?: unknown } = {};

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'place-order', triggers: [{ event: 'shop/order.placed' }] },
        async ({ event, step }) => {
          calls.handler++;
          const reservation = await step.run('reserve', () => {
            calls.reserve++;
            return { reservationId: `r-${String(event.data.orderId)}`, items: 2 };
          });
          const payment = await step.run('charge', () => {
            calls.charge++;
            seen.chargeInput = reservation;
            return { paymentId: 'p-1', amount: reservation.items * 500 };
          });
          const confirmation = await step.run('confirm', () => {
            calls.confirm++;
            seen.confirmInput = { reservation, payment };
            return { confirmed: true };
          });
          return { reservation, payment, confirmation };
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('runs every step once, hands each its predecessors results and returns the output', async () => {
    const { ids } = await app.client.send({ name: 'shop/order.placed', data: { orderId: 42 } });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');

    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({
      reservation: { reservationId: 'r-42', items: 2 },
      payment: { paymentId: 'p-1', amount: 1000 },
      confirmation: { confirmed: true },
    });
    expect({ reserve: calls.reserve, charge: calls.charge, confirm: calls.confirm }).toEqual({
      reserve: 1,
      charge: 1,
      confirm: 1,
    });
    // One call per step plus the final one: memoised steps were replayed, not re-executed.
    expect(calls.handler).toBe(4);
    expect(seen.chargeInput).toEqual({ reservationId: 'r-42', items: 2 });
    expect(seen.confirmInput).toEqual({
      reservation: { reservationId: 'r-42', items: 2 },
      payment: { paymentId: 'p-1', amount: 1000 },
    });
  });
});
