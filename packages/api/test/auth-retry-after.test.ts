import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellDefinition } from '../src/cells/cell-definition';
import { createTrpcEndpoint } from '../src/host/trpc-endpoint';
import { router } from '../src/trpc/init';
import { publicProcedure } from '../src/trpc/procedures';
import { tooManyRequests } from '../src/trpc/retry-after';
import { errorOf, mutate, query } from './support/auth-calls';

// A throttled answer must carry Retry-After whichever path the host serves it on: plain JSON
// queries take the host's fast path, mutations tRPC's standard handler.
const throttledCell = {
  name: 'auth',
  functions: [],
  router: router({
    busyQuery: publicProcedure.query(() => {
      throw tooManyRequests('Slow down', 42.2);
    }),
    busyMutation: publicProcedure.mutation(() => {
      throw tooManyRequests('Slow down', 7);
    }),
    fine: publicProcedure.query(() => 'ok'),
  }),
} satisfies CellDefinition;

let server: Server;
let url: string;

beforeAll(async () => {
  const endpoint = createTrpcEndpoint(
    [throttledCell],
    () => Promise.resolve(null),
    pino({ level: 'silent' }),
  );
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!.slice('/trpc/'.length));
    void endpoint(req, res, path, 'test-request');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Retry-After on 429 answers', () => {
  it('on the fast path (a plain query), rounded up to whole seconds', async () => {
    const response = await query(url, 'auth.busyQuery');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('43');
    expect(errorOf(response)).toMatchObject({
      message: 'Slow down',
      data: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 43 },
    });
  });

  it('on the standard handler (a mutation)', async () => {
    const response = await mutate(url, 'auth.busyMutation');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('not on answers that were not throttled', async () => {
    const response = await query(url, 'auth.fine');
    expect(response.status).toBe(200);
    expect(response.headers.get('retry-after')).toBeNull();
  });
});
