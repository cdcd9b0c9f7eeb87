import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellUrlsFromEnv, createCellClient } from '../src/client';

describe('cellUrlsFromEnv', () => {
  it('prefers <DOMAIN>_CELL_URL, then SHOP_CELL_URL, then the local default', () => {
    const urlFor = cellUrlsFromEnv({
      PRODUCT_CELL_URL: 'http://product:3003/',
      SHOP_CELL_URL: 'http://cells:4000',
    });
    expect(urlFor('product')).toBe('http://product:3003/trpc');
    expect(urlFor('search')).toBe('http://cells:4000/trpc');
    expect(cellUrlsFromEnv({})('auth')).toBe('http://127.0.0.1:4000/trpc');
  });
});

/** A stand-in cell that records the procedure paths of each HTTP request it receives. */
interface RecordingCell {
  url: string;
  requests: { paths: string[]; headers: Record<string, unknown> }[];
  server: Server;
}

function recordingCell(): Promise<RecordingCell> {
  const cell: Omit<RecordingCell, 'url'> = { requests: [], server: createServer() };
  cell.server.on('request', (req, res) => {
    const paths = new URL(req.url ?? '/', 'http://x').pathname
      .replace(/^.*\/trpc\//, '')
      .split(',');
    cell.requests.push({ paths, headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(paths.map((path) => ({ result: { data: { answeredBy: path } } }))));
  });
  return new Promise((resolve) =>
    cell.server.listen(0, '127.0.0.1', () =>
      resolve({ ...cell, url: `http://127.0.0.1:${(cell.server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('createCellClient', () => {
  let product: RecordingCell;
  let search: RecordingCell;
  beforeAll(async () => {
    [product, search] = await Promise.all([recordingCell(), recordingCell()]);
  });
  afterAll(() => {
    product.server.close();
    search.server.close();
  });

  it('sends each call to its domain URL and never mixes domains in one batch', async () => {
    const client = createCellClient({
      urlFor: (domain) => `${domain === 'product' ? product.url : search.url}/trpc`,
      headers: () => ({ 'x-request-id': 'client-test' }),
    });

    await Promise.all([
      client.product.status.query(),
      client.product.categories.query(),
      client.search.status.query(),
    ]);

    expect(product.requests).toHaveLength(1);
    expect(product.requests[0]!.paths.sort()).toEqual(['product.categories', 'product.status']);
    expect(search.requests).toEqual([expect.objectContaining({ paths: ['search.status'] })]);
    expect(product.requests[0]!.headers['x-request-id']).toBe('client-test');
  });
});
