import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { runsForEvent, waitForRunEnd, type RunView } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('event API, sync validation and read API', () => {
  let executor: LocalInngest;
  let app: TestApp;
  let handled = 0;
  let charged = 0;

  beforeAll(async () => {
    executor = await startExecutor({ eventKey: 'local-key' });
    app = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction(
          {
            id: 'vip-only',
            triggers: [{ event: 'shop/customer.signed-up', if: 'event.data.tier == "vip"' }],
          },
          async ({ event }) => {
            handled++;
            return { welcomed: event.data.email };
          },
        ),
        client.createFunction(
          {
            id: 'charge-once',
            idempotency: 'event.data.orderId',
            triggers: [{ event: 'shop/charge' }],
          },
          async () => ++charged,
        ),
      ],
      { eventKey: 'local-key' },
    );
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${executor.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses event keys other than the configured one', async () => {
    const response = await post('/e/wrong-key', { name: 'shop/x', data: {} });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Event key not found', status: 401 });
  });

  it('answers 400 saying what is wrong with a bad payload', async () => {
    const missingName = await post('/e/local-key', [{ data: {} }]);
    expect(missingName.status).toBe(400);
    const body = (await missingName.json()) as { error: string; status: number };
    expect(body.status).toBe(400);
    expect(body.error).toMatch(/name/);

    const dataNotObject = await post('/e/local-key', { name: 'shop/x', data: 'text' });
    expect(dataNotObject.status).toBe(400);
    expect(((await dataNotObject.json()) as { error: string }).error).toMatch(/data/);

    const notJson = await post('/e/local-key', '{oops');
    expect(notJson.status).toBe(400);
  });

  it('accepts a single event object and starts only functions whose trigger expression matches', async () => {
    const vip = await post('/e/local-key', {
      name: 'shop/customer.signed-up',
      data: { tier: 'vip', email: 'a@shop' },
    });
    expect(vip.status).toBe(200);
    const { ids, status } = (await vip.json()) as { ids: string[]; status: number };
    expect(status).toBe(200);
    expect(ids).toHaveLength(1);
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: { welcomed: 'a@shop' } });

    const regular = await app.client.send({
      name: 'shop/customer.signed-up',
      data: { tier: 'basic', email: 'b@shop' },
    });
    // A matching event sent after it: events fan out in order, so once its run has ended the
    // regular one was fanned out too, and whatever it started would be there.
    const before = handled;
    const marker = await app.client.send({
      name: 'shop/customer.signed-up',
      data: { tier: 'vip', email: 'marker@shop' },
    });
    await waitForRunEnd(executor.url, marker.ids[0] ?? '');
    expect(await runsForEvent(executor.url, regular.ids[0] ?? '')).toEqual([]);
    expect(handled - before).toBe(1); // the marker only
  });

  it('stores a repeated event id as a new event but starts no second run of a function', async () => {
    const event = {
      name: 'shop/customer.signed-up',
      id: 'signup-77',
      data: { tier: 'vip', email: 'c@shop' },
    };
    const first = (await (await post('/e/local-key', [event])).json()) as { ids: string[] };
    const second = (await (await post('/e/local-key', [event])).json()) as { ids: string[] };
    expect(second.ids[0]).not.toEqual(first.ids[0]);
    await waitForRunEnd(executor.url, first.ids[0] ?? '');
    expect(await runsForEvent(executor.url, first.ids[0] ?? '')).toHaveLength(1);
    expect(await runsForEvent(executor.url, second.ids[0] ?? '')).toEqual([]);
    const stored = await fetch(`${executor.url}/v1/events/${second.ids[0] ?? ''}`);
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { data: { id: string } }).data.id).toBe('signup-77');
  });

  it('gives a retried send (same id seed header) the same ids and no second run', async () => {
    const before = handled;
    const seed = `${Date.now()},${Buffer.from('0123456789').toString('base64')}`;
    const event = { name: 'shop/customer.signed-up', data: { tier: 'vip', email: 'd@shop' } };
    const headers = { 'x-inngest-event-id-seed': seed };
    const first = (await (await post('/e/local-key', [event], headers)).json()) as {
      ids: string[];
    };
    const retry = (await (await post('/e/local-key', [event], headers)).json()) as {
      ids: string[];
    };
    expect(retry.ids).toEqual(first.ids);
    await waitForRunEnd(executor.url, first.ids[0] ?? '');
    // A later event's run ending shows the executor is past anything the retry could have started.
    const marker = await app.client.send({
      name: 'shop/customer.signed-up',
      data: { tier: 'vip', email: 'd-marker@shop' },
    });
    await waitForRunEnd(executor.url, marker.ids[0] ?? '');
    expect(await runsForEvent(executor.url, first.ids[0] ?? '')).toHaveLength(1);
    expect(handled - before).toBe(2); // the send and the marker, not the retry
  });

  it('starts a function with an idempotency key once per key', async () => {
    const first = await app.client.send({ name: 'shop/charge', data: { orderId: 'o-1' } });
    await waitForRunEnd(executor.url, first.ids[0] ?? '');
    const again = await app.client.send({ name: 'shop/charge', data: { orderId: 'o-1' } });
    const other = await app.client.send({ name: 'shop/charge', data: { orderId: 'o-2' } });
    await waitForRunEnd(executor.url, other.ids[0] ?? '');
    expect(await runsForEvent(executor.url, again.ids[0] ?? '')).toEqual([]);
    expect(charged).toBe(2);
  });

  it('rejects a sync whose expressions it cannot evaluate, naming the function', async () => {
    const response = await post('/fn/register', {
      url: 'http://127.0.0.1:1/api/inngest',
      appName: 'bad-app',
      functions: [
        {
          id: 'bad-app-sizes',
          triggers: [{ event: 'shop/x', expression: 'size(event.data.items) > 2' }],
          steps: {
            step: {
              id: 'step',
              name: 'step',
              runtime: { type: 'http', url: 'http://127.0.0.1:1' },
            },
          },
        },
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; status: number };
    expect(body.status).toBe(400);
    expect(body.error).toContain('bad-app-sizes');
    expect(body.error).toContain('function calls are not supported');
  });

  it('serves runs in the REST v1 shape and an overview page', async () => {
    const { ids } = await app.client.send({
      name: 'shop/customer.signed-up',
      data: { tier: 'vip', email: 'e@shop' },
    });
    const ended = await waitForRunEnd(executor.url, ids[0] ?? '');
    const response = await fetch(`${executor.url}/v1/runs/${ended.run_id}`);
    const { data } = (await response.json()) as { data: RunView };
    expect(data).toMatchObject({
      run_id: ended.run_id,
      status: 'Completed',
      event_id: ids[0],
      output: { welcomed: 'e@shop' },
    });
    expect(Date.parse(data.run_started_at)).not.toBeNaN();
    expect(Date.parse(data.ended_at ?? '')).not.toBeNaN();

    expect((await fetch(`${executor.url}/v1/runs/nope`)).status).toBe(404);
    expect((await fetch(`${executor.url}/health`)).status).toBe(200);
    const page = await (await fetch(executor.url)).text();
    expect(page).toContain(ended.run_id);
    expect(page).toContain('vip-only');
  });
});
