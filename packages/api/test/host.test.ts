import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { cellClient, routeCellCallsTo } from '../src/cross-cell/cell-client';
import type { CellHost } from '../src/host';
import { runInRequestScope } from '../src/observability/request-context';
import { captureLogs } from './support/log-capture';
import { queryUrl, request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

const logs = captureLogs();
let host: CellHost;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['product', 'search', 'auth'], { logger: logs.logger });
});
afterAll(() => stopTestHosts(host));

describe('probes', () => {
  it('/healthz answers 200', async () => {
    const response = await request(`${host.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('/readyz answers 200 when every hosted database answers', async () => {
    // 503 while the search index is still being built (on a loaded machine that outlasts start).
    const response = await waitFor(
      async () => {
        const answer = await request(`${host.url}/readyz`);
        return answer.status === 503 && /being built/.test(JSON.stringify(answer.json))
          ? undefined
          : answer;
      },
      { what: 'the search index to be built', timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ready: true, cells: ['product', 'search', 'auth'] });
  });

  it('probes refuse methods other than GET', async () => {
    expect((await request(`${host.url}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('/metrics', () => {
  it('exposes the procedure histogram and error counter with cell and procedure labels', async () => {
    await request(queryUrl(host.url, 'product.categories'));
    await request(queryUrl(host.url, 'product.bySlug', { slug: 'no-such-product' }));

    const response = await request(`${host.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.text).toMatch(
      /trpc_request_duration_seconds_count\{cell="product",procedure="product\.categories"\} [1-9]/,
    );
    expect(response.text).toMatch(
      /trpc_errors_total\{cell="product",procedure="product\.bySlug",code="NOT_FOUND"\} [1-9]/,
    );
    expect(response.text).toContain('process_cpu_seconds_total');
  });
});

describe('request ids', () => {
  it('echoes a given x-request-id and generates one when absent or malformed', async () => {
    const given = await request(`${host.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');

    const generated = await request(`${host.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const injected = await request(`${host.url}/healthz`, {
      headers: { 'x-request-id': 'x'.repeat(300) },
    });
    expect(injected.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a cross-cell call made while serving a request carries that request id', async () => {
    const requestId = `cross-cell-${Date.now()}`;
    routeCellCallsTo(() => `${host.url}/trpc`);
    const scope = { requestId, authorization: undefined, memo: new Map<symbol, unknown>() };
    const page = await runInRequestScope(scope, () => cellClient().product.list.query({}));
    expect(page.items.length).toBeGreaterThan(0);

    const requestsWithId = logs.lines
      .filter((line) => line.message === 'request' && line.requestId === requestId)
      .map((line) => String((line.metadata as { url?: string } | undefined)?.url));
    expect(requestsWithId.some((url) => url.startsWith('/trpc/product.list'))).toBe(true);
  });
});

describe('products', () => {
  it('lists active products page by page and answers an empty page past the end', async () => {
    const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
    const first = await client.product.list.query({ pageSize: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.page).toBe(1);
    expect(first.hasMore).toBe(true);
    expect(first.items[0]).toMatchObject({
      id: expect.any(String),
      slug: expect.any(String),
      priceMinor: expect.any(Number),
      currency: expect.stringMatching(/^[A-Z]{3}$/),
    });

    const beyond = await client.product.list.query({ page: 1_000, pageSize: 48 });
    expect(beyond).toEqual({
      items: [],
      totalCount: first.totalCount,
      page: 1_000,
      hasMore: false,
    });
  });

  it('filters by category and finds a product by slug, with 404 for an unknown slug', async () => {
    const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
    const { items: categories } = await client.product.categories.query();
    // A leaf: a top-level category also lists its subcategories' products.
    const category = categories.find((entry) => entry.parentSlug !== null);
    expect(category).toBeDefined();

    const inCategory = await client.product.list.query({ categorySlug: category!.slug });
    expect(inCategory.items.length).toBeGreaterThan(0);
    expect(inCategory.items.every((item) => item.categorySlugs.includes(category!.slug))).toBe(
      true,
    );

    const product = await client.product.bySlug.query({ slug: inCategory.items[0]!.slug });
    expect(product.description).toEqual(expect.any(String));

    await expect(client.product.bySlug.query({ slug: 'no-such-thing' })).rejects.toMatchObject({
      data: { httpStatus: 404, code: 'NOT_FOUND' },
    });
  });

  it('searches case-insensitively on name and brand and treats regex characters literally', async () => {
    const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
    const { items } = await client.product.list.query({ pageSize: 1 });
    const brand = items[0]!.brand;

    const byBrand = await client.search.query.query({ q: `  ${brand.toUpperCase()} ` });
    expect(byBrand.results.length).toBeGreaterThan(0);
    expect(
      byBrand.results.every(
        (result) =>
          result.brand === brand || result.name.toLowerCase().includes(brand.toLowerCase()),
      ),
    ).toBe(true);

    const regexLike = await client.search.query.query({ q: '.*' });
    expect(regexLike).toMatchObject({ results: [], totalCount: 0, hasMore: false });
  });
});

describe('the internal credential', () => {
  const cellCredential = 'host-test-credential-0123456789-abcdef';
  let guarded: CellHost;
  beforeAll(async () => {
    guarded = await startTestHost(['product', 'auth'], { cellCredential, metricsToken: undefined });
  });
  afterAll(() => guarded.close());
  const withCredential = { 'x-shop-cell-token': cellCredential };

  it('procedures answer only callers presenting it; probes and public keys answer anyone', async () => {
    const anonymous = await request(queryUrl(guarded.url, 'product.categories'));
    expect(anonymous.status).toBe(401);
    const wrong = await request(queryUrl(guarded.url, 'product.categories'), {
      headers: { 'x-shop-cell-token': cellCredential.toUpperCase() },
    });
    expect(wrong.status).toBe(401);
    const internal = await request(queryUrl(guarded.url, 'product.categories'), {
      headers: withCredential,
    });
    expect(internal.status).toBe(200);

    expect((await request(`${guarded.url}/healthz`)).status).toBe(200);
    expect((await request(`${guarded.url}/readyz`)).status).toBe(200);
    expect((await request(`${guarded.url}/.well-known/jwks.json`)).status).toBe(200);
  });

  it('/metrics takes it as the header or as a bearer token (Prometheus)', async () => {
    expect((await request(`${guarded.url}/metrics`)).status).toBe(401);
    expect(
      (await request(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    expect((await request(`${guarded.url}/metrics`, { headers: withCredential })).status).toBe(200);
    const scraped = await request(`${guarded.url}/metrics`, {
      headers: { authorization: `Bearer ${cellCredential}` },
    });
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('process_cpu_seconds_total');
  });

  it('a cross-cell call presents it', async () => {
    const saved = process.env.CELL_SERVICE_TOKEN;
    process.env.CELL_SERVICE_TOKEN = cellCredential;
    try {
      routeCellCallsTo(() => `${guarded.url}/trpc`);
      const scope = { requestId: 'credential', authorization: undefined, memo: new Map() };
      const page = await runInRequestScope(scope, () => cellClient().product.list.query({}));
      expect(page.items.length).toBeGreaterThan(0);
    } finally {
      if (saved === undefined) delete process.env.CELL_SERVICE_TOKEN;
      else process.env.CELL_SERVICE_TOKEN = saved;
    }
  });
});
