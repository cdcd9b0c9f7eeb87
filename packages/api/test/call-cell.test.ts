import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCell, createCellClient, type CellFailure } from '../src/client';
import type { CellHost } from '../src/host';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

describe('callCell: what a page gets back from a cell', () => {
  let host: CellHost;
  beforeAll(async () => {
    await seededTestDatabases();
    host = await startTestHost(['product']);
  });
  afterAll(() => stopTestHosts(host));

  const clientFor = (url: string) => createCellClient({ urlFor: () => `${url}/trpc` });

  it('hands back the data when the cell answers', async () => {
    const result = await callCell(() => clientFor(host.url).product.categories.query());
    expect(result.ok && result.data.items.length).toBeGreaterThan(0);
  });

  it('reports not-found as an answer, without calling it a failure', async () => {
    const failures: CellFailure[] = [];
    const result = await callCell(
      () => clientFor(host.url).product.bySlug.query({ slug: 'no-such-product' }),
      { onFailure: (failure) => void failures.push(failure) },
    );
    expect(result).toEqual({ ok: false, failure: 'not-found' });
    expect(failures).toEqual([]);
  });

  it('reports an unreachable cell as unavailable, and says so once', async () => {
    const failures: CellFailure[] = [];
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const result = await callCell(
      () => clientFor('http://127.0.0.1:9').product.categories.query(),
      {
        onFailure: (failure) => void failures.push(failure),
      },
    );
    expect(result).toEqual({ ok: false, failure: 'unavailable' });
    expect(failures).toEqual(['unavailable']);
  });

  it('gives up on a cell slower than the timeout and calls it unavailable', async () => {
    // A server that accepts the request and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const result = await callCell(
        ({ signal }) => clientFor(url).product.categories.query(undefined, { signal }),
        { timeoutMs: 200 },
      );
      expect(result).toEqual({ ok: false, failure: 'unavailable' });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
