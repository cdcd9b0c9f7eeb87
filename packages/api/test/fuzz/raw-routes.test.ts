import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCells } from '../../src/cells/registry';
import { cellCredentialHeader } from '../../src/client/cell-credential';
import { domains } from '../../src/domains';
import type { CellHost } from '../../src/host';
import { startTestHost, stopTestHosts } from '../support/test-host';
import { fuzzRuns, fuzzSeed } from './fuzz-settings';
import { rawRequests, type RawRequest } from './raw-requests';
import { smallSeededDatabases } from './small-seed';

/**
 * The cell host's HTTP surface outside tRPC procedures: every cell's own routes (webhooks, mail
 * events, media uploads and reads, the auth cell's keys), the probes, /metrics, the Inngest
 * endpoints and malformed /trpc paths, with malformed bodies, wrong content types and methods,
 * oversized bodies and odd query strings. Nothing answers 5xx or shows internals. The routes'
 * secrets are configured, so requests reach the code behind them (503 "not configured" is not
 * what is fuzzed here).
 */

const internalCredential = 'fuzz-internal-credential-0123456789abcdef';
const routeEnv: Record<string, string> = {
  MAIL_EVENTS_TOKEN: 'fuzz-mail-events-token-0123456789abcdef',
  STRIPE_SECRET_KEY: 'sk_test_fuzz0123456789',
  STRIPE_WEBHOOK_SECRET: 'whsec_fuzz0123456789',
  // As in production: the Inngest endpoints check the engine's signature (without a key and
  // outside dev mode the SDK answers every call 500, a configuration state, not input handling).
  INNGEST_SIGNING_KEY: `signkey-test-${'0123456789abcdef'.repeat(4)}`,
};
const saved = Object.fromEntries(Object.keys(routeEnv).map((key) => [key, process.env[key]]));

let host: CellHost;
let paths: string[];

beforeAll(async () => {
  Object.assign(process.env, routeEnv);
  await smallSeededDatabases();
  host = await startTestHost('all', { cellCredential: internalCredential });
  const cellRoutes = (await loadCells(domains)).flatMap((cell) =>
    Object.keys(cell.httpRoutes ?? {}),
  );
  paths = [
    ...cellRoutes,
    '/healthz',
    '/readyz',
    '/metrics',
    ...domains.map((domain) => `/api/inngest/${domain}`),
    '/trpc/product.list',
    '/trpc/order.place',
  ];
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function send(request: RawRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.authorization) headers.authorization = request.authorization;
  if (request.internal) headers[cellCredentialHeader] = internalCredential;
  const bodyAllowed = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const response = await fetch(`${host.url}${request.path}${request.query}`, {
      method: request.method,
      headers,
      ...(bodyAllowed && request.body !== undefined && { body: request.body }),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    // A host may close a connection on an oversized body before reading it (and say 413 first).
    if (request.body !== undefined && request.body.length > 1_000_000)
      return { status: 413, text: '' };
    throw error;
  }
}

const internalsPattern =
  /\n\s+at |\bat (?:async )?[\w$.<>]+ \(|\/node_modules\/|\.tsx?:\d+|\/work\//;

describe('the cell host outside procedures', () => {
  it('finds every cell route', () => {
    expect(paths).toEqual(expect.arrayContaining(['/webhooks/stripe', '/webhooks/mail-events']));
  });

  it('answers malformed requests without a 5xx or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(rawRequests(paths), async (request) => {
        const { status, text } = await send(request);
        const line = `${request.method} ${request.path}${request.query.slice(0, 80)} (${request.contentType}, internal ${request.internal}) answered ${status}: ${text.slice(0, 200)}`;
        // A route whose secret this test does not set (e.g. SendGrid's public key) says so by
        // design: 503 "... not configured".
        const notConfigured = status === 503 && /not configured/.test(text);
        if (!notConfigured) expect(status, line).toBeLessThan(500);
        expect(internalsPattern.test(text), line).toBe(false);
      }),
      { seed: fuzzSeed, numRuns: fuzzRuns * 40 },
    );
  });
});
