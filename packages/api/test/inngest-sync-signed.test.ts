import { afterAll, beforeAll, expect, it } from 'vitest';
import { cellCredentialHeader } from '../src/client/cell-credential';
import type { CellHost } from '../src/host';
import { inngestSignature } from '../src/host/sync-inngest';
import { brokenEngine, type EngineStandIn } from './support/engine-stand-in';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * A cell's Inngest endpoint as production runs it (signing key set, not dev mode). A sync (`PUT`)
 * makes the SDK call the engine, so only a signed one is taken; a failed registration is a 502
 * that says why, not a 500; a body that is not JSON is a 400.
 */
const signingKey = `signkey-test-${'5e6f'.repeat(16)}`;
const credential = 'sync-test-internal-credential-0123456789';
const env: Record<string, string> = {
  INNGEST_DEV: '0',
  INNGEST_SIGNING_KEY: signingKey,
  INNGEST_EVENT_KEY: 'sync-test-event-key',
};
const saved = Object.fromEntries(
  [...Object.keys(env), 'INNGEST_BASE_URL'].map((key) => [key, process.env[key]]),
);

let engine: EngineStandIn;
let host: CellHost;

beforeAll(async () => {
  engine = await brokenEngine();
  Object.assign(process.env, env, { INNGEST_BASE_URL: engine.url });
  await seededTestDatabases();
  host = await startTestHost(['review'], { cellCredential: credential });
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
  await engine?.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const endpoint = () => `${host.url}/api/inngest/review`;

it('refuses an unsigned sync, even with the internal credential, without calling the engine', async () => {
  for (const headers of [{}, { [cellCredentialHeader]: credential }] as Record<string, string>[]) {
    const response = await fetch(endpoint(), { method: 'PUT', headers });
    expect(response.status).toBe(401);
  }
  const forged = await fetch(endpoint(), {
    method: 'PUT',
    headers: { 'x-inngest-signature': inngestSignature('', `signkey-test-${'00'.repeat(32)}`) },
  });
  expect(forged.status).toBe(401);
  expect(engine.seen).toEqual([]);
});

it('answers a signed sync the engine does not accept with 502 and the reason', async () => {
  const response = await fetch(endpoint(), {
    method: 'PUT',
    headers: { 'x-inngest-signature': inngestSignature('', signingKey) },
  });
  const text = await response.text();
  expect(response.status, text).toBe(502);
  expect(JSON.parse(text)).toEqual({
    error: expect.stringMatching(/^could not register with the Inngest engine: Failed to register/),
  });
  expect(engine.seen).toEqual([expect.stringMatching(/^POST \/fn\/register/)]);
});

it('answers 502 when the engine cannot be reached at all (the reported 500)', async () => {
  await engine.close();
  const response = await fetch(endpoint(), {
    method: 'PUT',
    headers: { 'x-inngest-signature': inngestSignature('', signingKey) },
  });
  const text = await response.text();
  expect(response.status, text).toBe(502);
  expect(text).toMatch(
    /could not register with the Inngest engine: Failed to register; fetch failed/,
  );
});

it('answers a body that is not JSON with 400, signed or not', async () => {
  for (const method of ['POST', 'PUT']) {
    const response = await fetch(endpoint(), {
      method,
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(response.status, method).toBe(400);
    expect(await response.json()).toEqual({ error: 'the request body is not valid JSON' });
  }
});
