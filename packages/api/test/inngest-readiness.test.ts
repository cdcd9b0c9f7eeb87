import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * Issue 15: a pod that cannot reach the Inngest engine must not be ready, or it takes traffic
 * while every checkout fails (the order saga never starts). Checked until the engine has answered
 * once; an outage after that does not take every pod out of service.
 */
let host: CellHost;
let enginePort: number;
// The engine's port is held by this test from the start: a port found free and released can be
// taken by another test's server while the host starts (it was, under the whole suite), and
// then the "unreachable" engine answers. Until `answering`, every connection is cut unanswered.
let answering = false;
const engine = createHttpServer((_, res) => res.writeHead(404).end());
engine.on('connection', (socket) => {
  if (!answering) socket.destroy();
});

beforeAll(async () => {
  await seededTestDatabases();
  await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
  enginePort = (engine.address() as AddressInfo).port;
  host = await startTestHost(['analytics'], {
    inngestReadinessUrl: `http://127.0.0.1:${enginePort}`,
  });
});
afterAll(async () => {
  await stopTestHosts(host);
  if (engine.listening) await new Promise<void>((resolve) => engine.close(() => resolve()));
});

describe('readiness and the Inngest engine', () => {
  it('is 503 naming the engine while it cannot be reached, ready once it answers, and stays ready', async () => {
    const unreachable = await request(`${host.url}/readyz`);
    expect(unreachable.status).toBe(503);
    expect(unreachable.json).toMatchObject({
      ready: false,
      failed: [
        {
          dependency: `inngest at http://127.0.0.1:${enginePort}`,
          error: expect.any(String),
        },
      ],
    });

    // Any answer counts: the engines serve different things at their root.
    answering = true;
    expect((await request(`${host.url}/readyz`)).status).toBe(200);
    engine.closeAllConnections();
    await new Promise<void>((resolve) => engine.close(() => resolve()));
    // Reached once: an engine outage later is an alert, not every pod out of service.
    expect((await request(`${host.url}/readyz`)).status).toBe(200);
  });

  it('is checked by default only in production, and only for hosts whose cells have functions', async () => {
    const { defaultInngestReadinessUrl, inngestCloudEventUrl } =
      await import('../src/host/inngest-reachability');
    const { loadCells } = await import('../src/cells/registry');
    const [analytics] = await loadCells(['analytics']);
    const withFunctions = [analytics!];
    const production = { NODE_ENV: 'production' };
    expect(defaultInngestReadinessUrl(withFunctions, production, 'http://inngest:8288')).toBe(
      'http://inngest:8288',
    );
    expect(defaultInngestReadinessUrl(withFunctions, production, undefined)).toBe(
      inngestCloudEventUrl,
    );
    expect(defaultInngestReadinessUrl(withFunctions, {}, 'http://inngest:8288')).toBe(false);
    expect(
      defaultInngestReadinessUrl([{ ...analytics!, functions: [] }], production, 'http://x'),
    ).toBe(false);
  });
});
