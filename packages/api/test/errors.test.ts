import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { bearer, queryUrl, request, type RawResponse } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let shopperToken: string;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product', 'analytics']);
  shopperToken = await loginAs(host.url, 'shopper@example.com');
});
afterAll(() => stopTestHosts(host));

/** What every refusal must look like: a 4xx, a JSON tRPC error, and no stack trace anywhere. */
function expectCleanRefusal(response: RawResponse, status: number) {
  expect(response.status).toBe(status);
  expect(response.text).not.toMatch(/stack|at \w+ \(|node_modules|\.ts:\d+/);
}

function errorOf(response: RawResponse) {
  return (response.json as { error: { message: string; data: Record<string, unknown> } }).error;
}

describe('input errors', () => {
  it('answers 400 with the zod issues (path and message) for bad input', async () => {
    const response = await request(queryUrl(host.url, 'product.list', { page: 0, pageSize: 500 }));
    expectCleanRefusal(response, 400);
    const error = errorOf(response);
    expect(error.message).toBe('Invalid input');
    expect(error.data.issues).toEqual(
      expect.arrayContaining([
        { path: 'page', message: expect.any(String) },
        { path: 'pageSize', message: expect.any(String) },
      ]),
    );
  });

  it.each([
    ['a slug that is an operator object', 'product.bySlug', { slug: { $gt: '' } }],
    ['a category that is an operator object', 'product.list', { categorySlug: { $ne: null } }],
    ['a slug with regex characters', 'product.bySlug', { slug: '.*' }],
    ['a slug far over the limit', 'product.bySlug', { slug: 'a'.repeat(5_000) }],
  ])('refuses %s with 400', async (_label, path, input) => {
    expectCleanRefusal(await request(queryUrl(host.url, path, input)), 400);
  });

  it('refuses an operator object as the login email with 400', async () => {
    const response = await request(`${host.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: { $gt: '' }, password: { $gt: '' } }),
    });
    expectCleanRefusal(response, 400);
  });
});

describe('malformed requests', () => {
  it('answers 400 to a body that is not JSON', async () => {
    const response = await request(`${host.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.c", "password": ',
    });
    expectCleanRefusal(response, 400);
  });

  it('answers 400 to query input that is not JSON', async () => {
    expectCleanRefusal(await request(`${host.url}/trpc/product.list?input=%7Bnope`), 400);
  });

  it('answers 4xx to binary garbage in a batch', async () => {
    const response = await request(`${host.url}/trpc/auth.login,product.list?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.text).not.toMatch(/stack/);
  });

  it('answers 413 to a body over the size limit', async () => {
    const response = await request(`${host.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectCleanRefusal(response, 413);
  });

  it('answers 400 to an over-long password, before hashing it', async () => {
    const response = await request(`${host.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shopper@example.com', password: 'x'.repeat(10_000) }),
    });
    expectCleanRefusal(response, 400);
    // Refused by the procedure's input schema, which runs before its handler (the only code that
    // hashes or compares a password), and not as a wrong password, which the handler would say.
    const error = errorOf(response);
    expect(error.message).toBe('Invalid input');
    expect(error.data.issues).toEqual([{ path: 'password', message: expect.any(String) }]);
  });

  it('answers 404 to an unknown procedure and to a cell this host does not serve', async () => {
    expectCleanRefusal(await request(queryUrl(host.url, 'product.nothingHere')), 404);
    expectCleanRefusal(await request(queryUrl(host.url, 'order.status')), 404);
  });

  it('answers 405 to a query sent as a mutation', async () => {
    const response = await request(`${host.url}/trpc/product.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expectCleanRefusal(response, 405);
  });

  it('answers 404 to an unknown path outside /trpc', async () => {
    expect((await request(`${host.url}/admin.php`)).status).toBe(404);
  });
});

describe('identity errors', () => {
  it('answers 401 without a token', async () => {
    const response = await request(queryUrl(host.url, 'analytics.summary'));
    expectCleanRefusal(response, 401);
  });

  it('answers 401 with a token that is not a valid JWT', async () => {
    const response = await request(queryUrl(host.url, 'analytics.summary'), {
      headers: bearer('not.a.token'),
    });
    expectCleanRefusal(response, 401);
  });

  it('answers 403 to a signed-in shopper asking for staff analytics', async () => {
    const response = await request(queryUrl(host.url, 'analytics.summary'), {
      headers: bearer(shopperToken),
    });
    expectCleanRefusal(response, 403);
  });

  it('answers 401 to a wrong password, with no hint of which part was wrong', async () => {
    const response = await request(`${host.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shopper@example.com', password: 'guess' }),
    });
    expectCleanRefusal(response, 401);
    expect(errorOf(response).message).toBe('Wrong email or password');
  });
});
