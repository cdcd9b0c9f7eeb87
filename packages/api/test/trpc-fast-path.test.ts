import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAccessTokenVerifier } from '../src/identity/access-token';
import { createTrpcEndpoint } from '../src/host/trpc-endpoint';
import { mayPlanFastMutation, planFastCall } from '../src/host/trpc-fast-path';
import type { CellContext } from '../src/trpc/context';
import { router } from '../src/trpc/init';
import { authedProcedure, publicProcedure } from '../src/trpc/procedures';
import { request } from './support/http';

// A cell router exercising each answer a query can give: data, a thrown error, an input error.
const sampleRouter = router({
  echo: publicProcedure.input(z.object({ word: z.string().max(5) })).query(({ input }) => input),
  missing: publicProcedure.query(() => {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'nothing here' });
  }),
  broken: publicProcedure.query(() => {
    throw new Error('secret internals');
  }),
  status: publicProcedure.query(() => ({ ok: true })),
  rename: publicProcedure.input(z.object({ to: z.string() })).mutation(({ input }) => input),
  forbid: publicProcedure.mutation(() => {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'not yours' });
  }),
  // Middlewares before the resolver: one that adds to the context, one that refuses.
  tagged: publicProcedure
    .use(({ next }) => next({ ctx: { tag: 'added' } }))
    .input(z.object({ n: z.number() }))
    .query(({ ctx, input }) => ({ tag: ctx.tag, n: input.n, requestId: ctx.requestId })),
  guarded: publicProcedure
    .use(() => {
      throw new TRPCError({ code: 'CONFLICT', message: 'refused by a middleware' });
    })
    .query(() => 'never'),
  whoami: authedProcedure.query(({ ctx }) => ctx.identity.accountId),
});
const cells = [{ name: 'product' as const, router: sampleRouter, functions: [] }];
const logger = pino({ level: 'silent' });
const noIdentity = createAccessTokenVerifier(() => Promise.reject(new Error('no keys')));

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

let ours: { server: Server; url: string };
let reference: { server: Server; url: string };

beforeAll(async () => {
  const endpoint = createTrpcEndpoint(cells, noIdentity, logger);
  const oursServer = createServer((req, res) => {
    void endpoint(req, res, decodeURIComponent(req.url!.slice(6).split('?')[0]!), 'test');
  });
  // tRPC's own handler over the same merged router: the behaviour the fast path must match.
  const merged = router({ product: sampleRouter });
  const referenceServer = createServer((req, res) => {
    void nodeHTTPRequestHandler({
      router: merged,
      req,
      res,
      path: decodeURIComponent(req.url!.slice(6).split('?')[0]!),
      createContext: (): CellContext => ({
        requestId: 'test',
        logger,
        identity: null,
        clientAddress: null,
      }),
    });
  });
  ours = { server: oursServer, url: await listen(oursServer) };
  reference = { server: referenceServer, url: await listen(referenceServer) };
});
afterAll(() => {
  ours.server.close();
  reference.server.close();
});

const batchInput = (inputs: unknown[]) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))));

describe('the direct query path answers exactly as tRPC does', () => {
  it.each([
    ['a single query', `/trpc/product.status`],
    [
      'a single query with input',
      `/trpc/product.echo?input=${encodeURIComponent('{"word":"hi"}')}`,
    ],
    ['a thrown NOT_FOUND', `/trpc/product.missing`],
    ['an unexpected error', `/trpc/product.broken`],
    ['an input error', `/trpc/product.echo?input=${encodeURIComponent('{"word":"toolong"}')}`],
    [
      'a batch of successes',
      `/trpc/product.status,product.echo?batch=1&input=${batchInput([undefined, { word: 'a' }])}`,
    ],
    [
      'a batch mixing data and errors',
      `/trpc/product.status,product.missing?batch=1&input=${batchInput([])}`,
    ],
    ['a batch of the same error', `/trpc/product.missing,product.missing?batch=1`],
    ['an unknown procedure in a batch', `/trpc/product.status,product.nope?batch=1`],
    [
      'a mutation asked for with GET',
      `/trpc/product.rename?input=${encodeURIComponent('{"to":"x"}')}`,
    ],
    ['input that is not JSON', `/trpc/product.echo?input=%7Bnope`],
    [
      'a middleware adding to the context',
      `/trpc/product.tagged?input=${encodeURIComponent('{"n":2}')}`,
    ],
    [
      'a middleware adding to the context, then an input error',
      `/trpc/product.tagged?input=${encodeURIComponent('{"n":"two"}')}`,
    ],
    ['a middleware that throws', `/trpc/product.guarded`],
    ['a signed-in procedure called without a token', `/trpc/product.whoami`],
    ['batch input that is not an object', `/trpc/product.status?batch=1&input=3`],
  ])('%s', async (_label, path) => {
    const [fast, standard] = await Promise.all([
      request(`${ours.url}${path}`),
      request(`${reference.url}${path}`),
    ]);
    expect(fast.status).toBe(standard.status);
    expect(fast.json).toEqual(standard.json);
    expect(fast.headers.get('content-type')).toBe(standard.headers.get('content-type'));
  });

  it.each([
    [
      'batch input that is an array',
      `/trpc/product.echo?batch=1&input=${encodeURIComponent('[{"word":"a"}]')}`,
      {},
    ],
    ['malformed connection params', `/trpc/product.status?connectionParams=%7Bnope`, {}],
    [
      'a GET declaring a form body',
      `/trpc/product.status`,
      { 'content-type': 'multipart/form-data' },
    ],
    [
      'a GET declaring a binary body',
      `/trpc/product.status`,
      { 'content-type': 'application/octet-stream' },
    ],
    ['a GET declaring a JSON body', `/trpc/product.status`, { 'content-type': 'application/json' }],
    ['a GET declaring a text body', `/trpc/product.status`, { 'content-type': 'text/plain' }],
    [
      'an unbatched stream asked for by accept',
      `/trpc/product.status`,
      { accept: 'application/jsonl' },
    ],
    [
      'a batched stream asked for by accept',
      `/trpc/product.status?batch=1`,
      { accept: 'text/html, application/jsonl' },
    ],
  ])('%s', async (_label, path, headers: Record<string, string>) => {
    const [fast, standard] = await Promise.all([
      request(`${ours.url}${path}`, { headers }),
      request(`${reference.url}${path}`, { headers }),
    ]);
    expect(fast.status).toBe(standard.status);
    expect(fast.text).toBe(standard.text);
    expect(fast.headers.get('content-type')).toBe(standard.headers.get('content-type'));
  });

  const json = { 'content-type': 'application/json' };
  it.each([
    ['a mutation', '/trpc/product.rename', json, '{"to":"x"}'],
    ['a mutation refused', '/trpc/product.forbid', json, '{}'],
    ['a mutation with an input error', '/trpc/product.rename', json, '{"to":3}'],
    [
      'a batch of mutations',
      '/trpc/product.rename,product.forbid?batch=1',
      json,
      '{"0":{"to":"a"},"1":{}}',
    ],
    ['a mutation body that is not JSON', '/trpc/product.rename', json, '{nope'],
    ['a batch body that is an array', '/trpc/product.rename?batch=1', json, '[{"to":"a"}]'],
    ['a query asked for with POST', '/trpc/product.status', json, '{}'],
    ['an unknown mutation', '/trpc/product.nope', json, '{}'],
    [
      'a mutation declaring a text body',
      '/trpc/product.rename',
      { 'content-type': 'text/plain' },
      '{"to":"x"}',
    ],
    ['a mutation with an empty body', '/trpc/product.rename', json, ''],
  ])('%s', async (_label, path, headers: Record<string, string>, body) => {
    const init = () => ({ method: 'POST', headers, body });
    const [fast, standard] = await Promise.all([
      request(`${ours.url}${path}`, init()),
      request(`${reference.url}${path}`, init()),
    ]);
    expect(fast.status).toBe(standard.status);
    expect(fast.json).toEqual(standard.json);
    expect(fast.headers.get('content-type')).toBe(standard.headers.get('content-type'));
  });

  it('answers a direct call in one piece with its length, not chunked', async () => {
    const query = await request(`${ours.url}/trpc/product.status`);
    const mutation = await request(`${ours.url}/trpc/product.rename`, {
      method: 'POST',
      headers: json,
      body: '{"to":"x"}',
    });
    for (const answer of [query, mutation]) {
      expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.text)));
      expect(answer.headers.get('transfer-encoding')).toBeNull();
    }
  });

  it("runs a procedure's middlewares in order, each seeing what the one before added", async () => {
    const tagged = await request(
      `${ours.url}/trpc/product.tagged?input=${encodeURIComponent('{"n":2}')}`,
    );
    expect(tagged.status).toBe(200);
    expect(tagged.json).toEqual({ result: { data: { tag: 'added', n: 2, requestId: 'test' } } });
    const refused = await request(`${ours.url}/trpc/product.guarded`);
    expect(refused.status).toBe(409);
    expect((await request(`${ours.url}/trpc/product.whoami`)).status).toBe(401);
  });

  it('never leaks the message of an unexpected error', async () => {
    const response = await request(`${ours.url}/trpc/product.broken`);
    expect(response.status).toBe(500);
    expect(response.text).not.toContain('secret internals');
  });
});

describe('which requests take the direct path', () => {
  const merged = router({ product: sampleRouter });
  const plan = (method: string, url: string, headers: Record<string, string> = {}) => {
    const req = { method, url, headers } as unknown as IncomingMessage;
    return planFastCall(merged, req, decodeURIComponent(url.slice(6).split('?')[0]!));
  };
  const mutationHeaders = (length: number) => ({
    'content-type': 'application/json',
    'content-length': String(length),
  });

  it('takes well-formed GET queries, single and batched', () => {
    expect(plan('GET', '/trpc/product.status')).not.toBeNull();
    expect(plan('GET', '/trpc/product.status,product.missing?batch=1')?.calls).toHaveLength(2);
  });

  it('takes JSON POSTs of mutations with a declared length within the limit', () => {
    const post = (headers: Record<string, string>) =>
      ({ method: 'POST', url: '/trpc/product.rename', headers }) as unknown as IncomingMessage;
    expect(mayPlanFastMutation(post(mutationHeaders(10)), 1024)).toBe(true);
    expect(mayPlanFastMutation(post(mutationHeaders(2048)), 1024)).toBe(false);
    expect(mayPlanFastMutation(post({ 'content-type': 'application/json' }), 1024)).toBe(false);
    expect(mayPlanFastMutation(post({ 'content-length': '10' }), 1024)).toBe(false);
    const req = { method: 'POST', url: '/trpc/product.rename', headers: mutationHeaders(10) };
    expect(
      planFastCall(merged, req as unknown as IncomingMessage, 'product.rename', '{"to":"x"}'),
    ).toMatchObject({ type: 'mutation', calls: [{ path: 'product.rename', input: { to: 'x' } }] });
  });

  it('leaves everything else to the standard handler', () => {
    expect(plan('POST', '/trpc/product.rename')).toBeNull();
    expect(plan('GET', '/trpc/product.rename')).toBeNull();
    expect(plan('GET', '/trpc/product.nope')).toBeNull();
    expect(plan('GET', '/trpc/product.echo?input=%7Bnope')).toBeNull();
    expect(
      plan('GET', '/trpc/product.status?batch=1', { 'trpc-accept': 'application/jsonl' }),
    ).toBeNull();
    expect(plan('GET', '/trpc/constructor')).toBeNull();
  });
});
