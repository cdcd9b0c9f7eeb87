import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutor } from './support/executor';
import { waitUntilAsleep } from './support/parked';
import { runsForEvent, waitForFunctionRun, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('parallel steps, invoke, cancellation and cron', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  const counts = { a: 0, b: 0, c: 0, sum: 0, ship: 0, tax: 0, ticks: 0 };
  // How many of the parallel steps were executing at the same moment (overlap, not wall time,
  // so a busy CI machine cannot make the assertion flaky).
  const parallel = { running: 0, mostAtOnce: 0 };

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => {
      const computeTax = client.createFunction({ id: 'compute-tax' }, async ({ event }) => {
        counts.tax++;
        return { tax: Math.round((event.data as { amount: number }).amount * 0.2) };
      });
      const chargeOnce = client.createFunction(
        { id: 'charge-once', idempotency: 'event.data.key' },
        async () => 'charged',
      );
      return [
        computeTax,
        chargeOnce,
        client.createFunction(
          { id: 'charge-twice', triggers: [{ event: 'shop/charge.twice' }] },
          async ({ event, step }) => {
            const data = { key: (event.data as { key: string }).key };
            const first = await step.invoke('first', { function: chargeOnce, data });
            const second = await step
              .invoke('second', { function: chargeOnce, data })
              .catch((error: unknown) => `skipped: ${(error as Error).message}`);
            return { first, second };
          },
        ),
        client.createFunction(
          { id: 'fan-out', triggers: [{ event: 'shop/fan-out' }] },
          async ({ step }) => {
            const slowly = (name: 'a' | 'b' | 'c', value: number) =>
              step.run(name, async () => {
                counts[name]++;
                parallel.running++;
                parallel.mostAtOnce = Math.max(parallel.mostAtOnce, parallel.running);
                // Stay running until all three are (a concurrent executor gets there at once); a
                // sequential one never does, and each step gives up after the bound, running alone.
                await waitFor(() => parallel.running === 3, {
                  what: 'all three parallel steps to be running',
                  timeoutMs: 5_000,
                }).catch(() => undefined);
                parallel.running--;
                return value;
              });
            const [a, b, c] = await Promise.all([slowly('a', 1), slowly('b', 2), slowly('c', 3)]);
            return step.run('sum', () => {
              counts.sum++;
              return a + b + c;
            });
          },
        ),
        client.createFunction(
          { id: 'checkout', triggers: [{ event: 'shop/checkout' }] },
          async ({ step }) => {
            const { tax } = await step.invoke('tax', {
              function: computeTax,
              data: { amount: 1000 },
            });
            return { total: 1000 + tax };
          },
        ),
        client.createFunction(
          {
            id: 'ship-later',
            triggers: [{ event: 'shop/ship.requested' }],
            cancelOn: [
              { event: 'shop/order.cancelled', if: 'event.data.orderId == async.data.orderId' },
            ],
          },
          async ({ step }) => {
            // Long enough that a cancel sent once both runs sleep lands before either wakes, even
            // on a loaded machine (2 s was not: a run woke and shipped first under a busy CI).
            await step.sleep('grace-period', '5s');
            await step.run('ship', () => counts.ship++);
          },
        ),
        client.createFunction(
          { id: 'ticker', triggers: [{ cron: '* * * * * *' }] },
          async ({ event }) => {
            counts.ticks++;
            return { cron: event.data.cron };
          },
        ),
      ];
    });
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('runs parallel steps once each, concurrently, before continuing', async () => {
    const { ids } = await app.client.send({ name: 'shop/fan-out', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: 6 });
    expect(counts).toMatchObject({ a: 1, b: 1, c: 1, sum: 1 });
    expect(parallel.mostAtOnce).toBeGreaterThan(1);
  });

  it('invokes another function and resumes with its result', async () => {
    const { ids } = await app.client.send({ name: 'shop/checkout', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: { total: 1200 } });
    expect(counts.tax).toBe(1);
  });

  it('fails an invoke step whose run the idempotency key skipped, instead of hanging', async () => {
    const { ids } = await app.client.send({ name: 'shop/charge.twice', data: { key: 'k1' } });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '', { functionId: 'charge-twice' });
    expect(run.status).toBe('Completed');
    const output = run.output as { first: unknown; second: string };
    expect(output.first).toBe('charged');
    expect(output.second).toMatch(/^skipped: .*idempotency key/);
  });

  it('cancels a run when a matching cancelOn event arrives, and only that run', async () => {
    const keep = await app.client.send({ name: 'shop/ship.requested', data: { orderId: 'keep' } });
    const drop = await app.client.send({ name: 'shop/ship.requested', data: { orderId: 'drop' } });
    // Cancel while both runs sleep through their grace period, as a real cancellation would.
    const runIds = await Promise.all(
      [keep, drop].map(async ({ ids }) => (await runsForEvent(executor.url, ids[0] ?? ''))[0]),
    );
    await waitUntilAsleep(
      executor.dbNamePrefix,
      runIds.map((run) => run?.run_id ?? ''),
    );
    await app.client.send({ name: 'shop/order.cancelled', data: { orderId: 'drop' } });
    const cancelled = await waitForRunEnd(executor.url, drop.ids[0] ?? '');
    expect(cancelled.status).toBe('Cancelled');
    const shipped = await waitForRunEnd(executor.url, keep.ids[0] ?? '');
    expect(shipped.status).toBe('Completed');
    expect(counts.ship).toBe(1);
  });

  it('cancels a run through DELETE /v1/runs/:id', async () => {
    const shippedBefore = counts.ship;
    const { ids } = await app.client.send({
      name: 'shop/ship.requested',
      data: { orderId: 'api' },
    });
    const [run] = await runsForEvent(executor.url, ids[0] ?? '');
    await waitUntilAsleep(executor.dbNamePrefix, [run?.run_id ?? '']);
    const response = await fetch(`${executor.url}/v1/runs/${run?.run_id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { status: string } }).data.status).toBe('Cancelled');
    // A second run, requested after the cancelled one, sleeps the same grace period: once it has
    // shipped, the cancelled run's sleep was due before it, so a live run would have shipped too.
    const marker = await app.client.send({
      name: 'shop/ship.requested',
      data: { orderId: 'api-marker' },
    });
    expect(await waitForRunEnd(executor.url, marker.ids[0] ?? '')).toMatchObject({
      status: 'Completed',
    });
    expect(counts.ship).toBe(shippedBefore + 1); // the marker's shipment only
    expect((await runsForEvent(executor.url, ids[0] ?? ''))[0]?.status).toBe('Cancelled');
  });

  it('runs cron-triggered functions on schedule', async () => {
    const tick = await waitForFunctionRun(executor.url, 'ticker', { status: 'Completed' });
    expect(tick.output).toEqual({ cron: '* * * * * *' });
    expect(counts.ticks).toBeGreaterThanOrEqual(1);
  });
});
