import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cellCredentialHeader } from '../src/client/cell-credential';
import type { CellHost } from '../src/host';
import { freePort } from './support/free-port';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * In dev mode nothing is signed, so the host takes a sync (`PUT`, which makes the SDK call the
 * engine) only from this machine or from a caller holding the internal credential. The
 * "elsewhere" caller is this machine through its network address, not loopback.
 */
const credential = 'sync-dev-internal-credential-0123456789';
const saved = { dev: process.env.INNGEST_DEV, base: process.env.INNGEST_BASE_URL };
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

let host: CellHost;

beforeAll(async () => {
  process.env.INNGEST_DEV = '1';
  // No engine listens there: a sync that is let through fails (502), one refused never tries.
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${await freePort()}`;
  await seededTestDatabases();
  host = await startTestHost(['review'], { cellCredential: credential, host: '0.0.0.0' });
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
  for (const [key, value] of [
    ['INNGEST_DEV', saved.dev],
    ['INNGEST_BASE_URL', saved.base],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const port = () => new URL(host.url).port;

it('takes a sync from this machine (loopback) and reports a failed registration as 502', async () => {
  const response = await fetch(`http://127.0.0.1:${port()}/api/inngest/review`, { method: 'PUT' });
  expect(response.status).toBe(502);
  expect(await response.text()).toMatch(/could not register with the Inngest engine/);
});

it.skipIf(!networkAddress)(
  'refuses a sync from another address without the internal credential (skipped without a non-loopback IPv4 interface)',
  async () => {
    const url = `http://${networkAddress}:${port()}/api/inngest/review`;
    const refused = await fetch(url, { method: 'PUT' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: 'a sync is accepted only from this machine or with the internal credential',
    });
    const withCredential = await fetch(url, {
      method: 'PUT',
      headers: { [cellCredentialHeader]: credential },
    });
    expect(withCredential.status).toBe(502);
    // Reading the functions (GET) stays open in dev mode, as the dev server expects.
    expect((await fetch(url)).status).toBe(200);
  },
);
