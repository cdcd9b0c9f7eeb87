import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../src/gateway/create-gateway';
import { TokenBucketRateLimiter } from '../src/gateway/rate-limiter';
import { captureLogs } from './support/log-capture';
import { sameOriginJson, startAppEdge, type AppEdge } from './support/app-edge';

interface Echo {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A stand-in cell: a real HTTP server that answers with what it received.
let cell: Server;
let cellUrl: string;

beforeAll(async () => {
  cell = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const echo: Echo = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      res.writeHead(req.url?.includes('missing') ? 404 : 200, {
        'content-type': 'application/json',
        'set-cookie': 'cell=secret',
      });
      res.end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => cell.listen(0, '127.0.0.1', resolve));
  cellUrl = `http://127.0.0.1:${(cell.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => cell.close(() => resolve())));

const gatewayLogs = captureLogs();

function gatewayTo(
  baseUrl: () => string,
  limiter = new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
) {
  return createGateway({
    urlFor: (domain) => `${baseUrl()}/trpc/${domain}`,
    limiter,
    maxBodyBytes: 64,
    logger: gatewayLogs.logger,
  });
}

const unreachableLines = () =>
  gatewayLogs.lines.filter((line) => line.message === 'cell unreachable');

function browserRequest(path: string, init: RequestInit = {}): Request {
  return new Request(`http://shop.test/api/cells/${path}`, init);
}

describe('the cell gateway', () => {
  it('forwards a call to the domain cell with its query string and returns the answer', async () => {
    const forward = gatewayTo(() => cellUrl);
    const response = await forward(browserRequest('product/product.list?batch=1&input=%7B%7D'), {
      domain: 'product',
      path: ['product.list'],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const echo = (await response.json()) as Echo;
    expect(echo.method).toBe('GET');
    expect(echo.url).toBe('/trpc/product/product.list?batch=1&input=%7B%7D');
  });

  it('passes the cell status through (a 404 from the cell stays a 404)', async () => {
    const forward = gatewayTo(() => cellUrl);
    const response = await forward(browserRequest('product/product.missing'), {
      domain: 'product',
      path: ['product.missing'],
    });
    expect(response.status).toBe(404);
  });

  it('forwards a POST body', async () => {
    const forward = gatewayTo(() => cellUrl);
    const response = await forward(
      browserRequest('order/order.place', {
        method: 'POST',
        body: '{"0":{"json":{"sku":"a"}}}',
        headers: sameOriginJson,
      }),
      { domain: 'order', path: ['order.place'] },
    );
    const echo = (await response.json()) as Echo;
    expect(echo.method).toBe('POST');
    expect(echo.body).toBe('{"0":{"json":{"sku":"a"}}}');
  });

  it('keeps a well-formed request id both ways and replaces a malformed one with a UUID', async () => {
    const forward = gatewayTo(() => cellUrl);
    const given = await forward(
      browserRequest('product/product.list', { headers: { 'x-request-id': 'req-42' } }),
      { domain: 'product', path: ['product.list'] },
    );
    expect(given.headers.get('x-request-id')).toBe('req-42');
    expect(((await given.json()) as Echo).headers['x-request-id']).toBe('req-42');

    const malformed = await forward(
      browserRequest('product/product.list', { headers: { 'x-request-id': 'bad id\u0001' } }),
      { domain: 'product', path: ['product.list'] },
    );
    const generated = malformed.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await malformed.json()) as Echo).headers['x-request-id']).toBe(generated);
  });

  it('never forwards cookies, credentials or hop-by-hop headers, and returns no cookie', async () => {
    const forward = gatewayTo(() => cellUrl);
    const response = await forward(
      browserRequest('product/product.list', {
        headers: {
          cookie: 'session=abc',
          authorization: 'Bearer forged',
          'proxy-authorization': 'Basic x',
          'x-forwarded-for': '203.0.113.9, 198.51.100.7',
          'accept-language': 'fr',
        },
      }),
      { domain: 'product', path: ['product.list'] },
    );
    const { headers } = (await response.json()) as Echo;
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(headers['accept-language']).toBe('fr');
    // In production the app's entry leaves exactly one address in the header; a list means
    // nothing the gateway can trust, so the client shares the `unknown` bucket.
    expect(headers['x-forwarded-for']).toBe('unknown');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('forwards only an address-shaped client address, so a huge forged one costs nothing', async () => {
    const forward = gatewayTo(() => cellUrl);
    const forwardedFor = async (value: string) => {
      const response = await forward(
        browserRequest('product/product.list', { headers: { 'x-forwarded-for': value } }),
        { domain: 'product', path: ['product.list'] },
      );
      return ((await response.json()) as Echo).headers['x-forwarded-for'];
    };
    expect(await forwardedFor('2001:db8::1')).toBe('2001:db8::1');
    expect(await forwardedFor('203.0.113.9')).toBe('203.0.113.9');
    expect(await forwardedFor(`203.0.113.9, ${'x'.repeat(8_000)}`)).toBe('unknown');
    expect(await forwardedFor('1'.repeat(8_000))).toBe('unknown');
    expect(await forwardedFor('<script>alert(1)</script>')).toBe('unknown');
  });

  it('answers 404 for an unknown domain and for another domain’s procedure', async () => {
    const forward = gatewayTo(() => cellUrl);
    const unknown = await forward(browserRequest('billing/billing.list'), {
      domain: 'billing',
      path: ['billing.list'],
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { message: 'Unknown service' } });

    const crossing = await forward(browserRequest('product/product.list,order.list'), {
      domain: 'product',
      path: ['product.list,order.list'],
    });
    expect(crossing.status).toBe(404);
  });

  it('answers 503 with a readable message when the cell is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const forward = gatewayTo(() => deadUrl);
    const response = await forward(browserRequest('search/search.query'), {
      domain: 'search',
      path: ['search.query'],
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { message: 'The search service is unavailable' },
    });
    // Issue 16: one structured line (not console.error's own shape), with the request id.
    expect(unreachableLines().at(-1)).toMatchObject({
      level: 'WARN',
      requestId: response.headers.get('x-request-id'),
      metadata: { domain: 'search', reason: expect.stringContaining('ECONNREFUSED') },
    });
  });

  it('refuses a body larger than the limit with 413', async () => {
    const forward = gatewayTo(() => cellUrl);
    const response = await forward(
      browserRequest('order/order.place', {
        method: 'POST',
        body: 'x'.repeat(65),
        headers: sameOriginJson,
      }),
      { domain: 'order', path: ['order.place'] },
    );
    expect(response.status).toBe(413);
  });

  it('rate-limits each client address with 429 and Retry-After', async () => {
    const forward = gatewayTo(
      () => cellUrl,
      new TokenBucketRateLimiter({ burst: 2, perSecond: 0.5 }),
    );
    const from = (address: string) =>
      forward(browserRequest('product/product.list', { headers: { 'x-forwarded-for': address } }), {
        domain: 'product',
        path: ['product.list'],
      });

    expect((await from('192.0.2.1')).status).toBe(200);
    expect((await from('192.0.2.1')).status).toBe(200);
    const limited = await from('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    // Another client has its own bucket.
    expect((await from('192.0.2.2')).status).toBe(200);
  });
});

describe('state-changing calls come only from the app’s own pages, as JSON', () => {
  const ownOrigin = 'https://shop.example';
  const forward = createGateway({
    urlFor: (domain) => `${cellUrl}/trpc/${domain}`,
    limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
    allowedOrigins: [ownOrigin],
  });
  const post = (headers: Record<string, string>, body = '{}') =>
    forward(browserRequest('auth/auth.logoutEverywhere', { method: 'POST', headers, body }), {
      domain: 'auth',
      path: ['auth.logoutEverywhere'],
    });

  it('refuses a POST from another origin with 403 and a readable JSON error', async () => {
    for (const fetchSite of ['cross-site', 'same-site', 'none']) {
      const refused = await post({
        'sec-fetch-site': fetchSite,
        origin: 'https://evil.shop.example',
        'content-type': 'application/json',
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error: { message: 'Cross-origin requests are not accepted here' },
      });
    }
  });

  it('without Sec-Fetch-Site, accepts only the configured origin and refuses a missing one', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await post({ ...json, origin: 'http://shop.example' })).status).toBe(403);
    expect((await post({ ...json, origin: 'https://shop.example:8443' })).status).toBe(403);
    expect((await post(json)).status).toBe(403);
    const own = await post({ ...json, origin: ownOrigin });
    expect(own.status).toBe(200);
    expect(((await own.json()) as Echo).url).toBe('/trpc/auth/auth.logoutEverywhere');
  });

  it('refuses form and text bodies with 415, even from the app’s own pages', async () => {
    for (const contentType of [
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'text/plain',
    ]) {
      const refused = await post({ 'sec-fetch-site': 'same-origin', 'content-type': contentType });
      expect(refused.status).toBe(415);
      expect(await refused.json()).toEqual({
        error: { message: 'Send the body as application/json' },
      });
    }
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(415);
    expect(
      (await post({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' })).status,
    ).toBe(200);
  });

  it('leaves queries (GET) alone: they change nothing', async () => {
    const response = await forward(
      browserRequest('product/product.list', { headers: { 'sec-fetch-site': 'cross-site' } }),
      { domain: 'product', path: ['product.list'] },
    );
    expect(response.status).toBe(200);
  });
});

describe('the app’s edge: one client address, decided by the production entry', () => {
  const started: AppEdge[] = [];
  afterAll(() => Promise.all(started.map((edge) => edge.stop())));
  const edge = async (options: Partial<Parameters<typeof startAppEdge>[0]> = {}) => {
    const running = await startAppEdge({ cellUrl, ...options });
    started.push(running);
    return running;
  };
  const get = (base: string, headers: Record<string, string>) =>
    fetch(`${base}/api/cells/product/product.list`, { headers });

  it('a rotating X-Forwarded-For no longer buys a fresh rate-limit bucket', async () => {
    const app = await edge({ rateLimit: { burst: 3, perSecond: 0.001 } });
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await get(app.url, { 'x-forwarded-for': `192.0.2.${attempt}` });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('with nothing in front, the cell is told the socket’s address, whatever the client wrote', async () => {
    const app = await edge();
    const response = await get(app.url, {
      'x-forwarded-for': '203.0.113.9',
      'x-real-ip': '203.0.113.10',
    });
    const { headers } = (await response.json()) as Echo;
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-real-ip']).toBeUndefined();
  });

  it('behind one proxy (TRUSTED_PROXY_HOPS=1), the entry that proxy appended counts', async () => {
    const app = await edge({ trustedProxyHops: 1, rateLimit: { burst: 2, perSecond: 0.001 } });
    const seen = async (forwardedFor: string) => {
      const response = await get(app.url, { 'x-forwarded-for': forwardedFor });
      return {
        status: response.status,
        address: response.ok ? ((await response.json()) as Echo).headers['x-forwarded-for'] : '',
      };
    };
    // The client's own prefix changes each time; the ingress's entry (the last) does not.
    expect(await seen('10.0.0.1, 198.51.100.7')).toEqual({ status: 200, address: '198.51.100.7' });
    expect(await seen('10.0.0.2, 198.51.100.7')).toEqual({ status: 200, address: '198.51.100.7' });
    expect((await seen('10.0.0.3, 198.51.100.7')).status).toBe(429);
    // Another client behind the same ingress has its own bucket.
    expect(await seen('10.0.0.3, 198.51.100.8')).toEqual({ status: 200, address: '198.51.100.8' });
    // Reached directly (no proxy appended anything): the socket's address.
    expect(await seen('')).toEqual({ status: 200, address: '127.0.0.1' });
  });

  it('presents the internal credential to the cell, never a browser’s', async () => {
    const forward = () => gatewayTo(() => cellUrl);
    const credential = 'edge-test-credential-0123456789-abcdef';
    const app = await edge({ cellCredential: credential });
    const forged = await get(app.url, { 'x-shop-cell-token': 'forged' });
    expect(((await forged.json()) as Echo).headers['x-shop-cell-token']).toBe(credential);
    const plain = await forward()(
      browserRequest('product/product.list', {
        headers: { 'x-shop-cell-token': 'forged' },
      }),
      { domain: 'product', path: ['product.list'] },
    );
    expect(((await plain.json()) as Echo).headers['x-shop-cell-token']).toBeUndefined();
  });
});

describe('TokenBucketRateLimiter', () => {
  it('refills over time up to the burst size', () => {
    let now = 0;
    const limiter = new TokenBucketRateLimiter({ burst: 3, perSecond: 1 }, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 60_000;
    for (let i = 0; i < 3; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently seen client beyond maxClients', () => {
    const limiter = new TokenBucketRateLimiter(
      { burst: 1, perSecond: 0.001, maxClients: 2 },
      () => 0,
    );
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts a
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });

  it('when the browser leaves first, it stops waiting and does not blame the cell', async () => {
    // The browser leaves once its request has reached the cell, which never answers.
    const browser = new AbortController();
    const silent = createServer(() => browser.abort());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const before = unreachableLines().length;
    try {
      const response = await gatewayTo(() => silentUrl)(
        browserRequest('product/product.list', { signal: browser.signal }),
        { domain: 'product', path: ['product.list'] },
      );
      expect(response.status).toBe(499);
      expect(unreachableLines().length).toBe(before);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
