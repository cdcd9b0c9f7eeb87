import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutor } from './support/executor';
import { runsForEvent } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

// `batchEvents` as the real engine runs it: one run per `maxSize` events, a partial batch when
// `timeout` passes, batches per `key`, events outside `if` alone, and a resent event (same id)
// in no second batch.

describe('batchEvents', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  /** Each run's events' `n`, in the order the function received them. */
  const received: { fn: string; numbers: number[] }[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => {
      const record =
        (fn: string) =>
        async ({ events }: { events: { data: unknown }[] }) => {
          const numbers = events.map((event) => (event.data as { n: number }).n);
          received.push({ fn, numbers });
          return { count: numbers.length };
        };
      return [
        client.createFunction(
          {
            id: 'record-views',
            triggers: [{ event: 'shop/page.viewed' }],
            batchEvents: { maxSize: 3, timeout: '2s' },
          },
          record('views'),
        ),
        client.createFunction(
          {
            id: 'record-by-shop',
            triggers: [{ event: 'shop/search.done' }],
            batchEvents: {
              maxSize: 10,
              timeout: '1s',
              key: 'event.data.shop',
              if: 'event.data.bot != true',
            },
          },
          record('searches'),
        ),
      ];
    });
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  const runsOf = async (eventIds: string[]) => {
    const runs = new Map<string, Awaited<ReturnType<typeof runsForEvent>>[number]>();
    for (const id of eventIds) {
      for (const run of await runsForEvent(executor.url, id)) runs.set(run.run_id, run);
    }
    return [...runs.values()];
  };

  it('starts one run per full batch, and one for the rest when the timeout passes', async () => {
    const sent = Array.from({ length: 7 }, (_, n) => ({ name: 'shop/page.viewed', data: { n } }));
    const { ids } = await app.client.send(sent);
    const runs = await waitFor(
      async () => {
        const found = await runsOf(ids);
        return found.length === 3 && found.every((run) => run.status === 'Completed') && found;
      },
      { what: 'three runs of record-views', timeoutMs: 15_000 },
    );
    expect(runs.map((run) => (run.output as { count: number }).count).sort()).toEqual([1, 3, 3]);
    const views = received.filter((entry) => entry.fn === 'views');
    // Every event in exactly one run, in the order sent.
    expect(views.flatMap((entry) => entry.numbers).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const entry of views) expect([...entry.numbers].sort()).toEqual(entry.numbers);
    expect(views.find((entry) => entry.numbers.length === 1)?.numbers).toEqual([6]);
  });

  it('adds a resent event (same id) to no second batch', async () => {
    const before = received.filter((entry) => entry.fn === 'views').length;
    const event = { id: 'view-once', name: 'shop/page.viewed', data: { n: 100 } };
    await app.client.send(event);
    await app.client.send(event);
    await app.client.send({ name: 'shop/page.viewed', data: { n: 101 } });
    await waitFor(() => received.filter((entry) => entry.fn === 'views').length > before && true, {
      what: 'the partial batch to run',
      timeoutMs: 15_000,
    });
    const batch = received.filter((entry) => entry.fn === 'views').slice(before);
    expect(batch.flatMap((entry) => entry.numbers).sort()).toEqual([100, 101]);
  });

  it('keeps one batch per key and runs events outside `if` alone at once', async () => {
    await app.client.send([
      { name: 'shop/search.done', data: { n: 1, shop: 'eu' } },
      { name: 'shop/search.done', data: { n: 2, shop: 'us' } },
      { name: 'shop/search.done', data: { n: 3, shop: 'eu' } },
      { name: 'shop/search.done', data: { n: 4, shop: 'eu', bot: true } },
    ]);
    const searches = await waitFor(
      () => {
        const found = received.filter((entry) => entry.fn === 'searches');
        return found.length === 3 && found;
      },
      { what: 'three runs of record-by-shop', timeoutMs: 15_000 },
    );
    // The bot's event did not wait for the timeout: it ran first, alone.
    expect(searches[0]?.numbers).toEqual([4]);
    expect(
      searches
        .slice(1)
        .map((entry) => entry.numbers.join(','))
        .sort(),
    ).toEqual(['1,3', '2']);
  });
});
