import { waitFor } from '@shop/db/testing';
import { startLocalInngest, type LocalInngest } from '@shop/inngest-local';
import pino from 'pino';
import { freePort } from './support/free-port';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnHost, waitForLog, type SpawnedHost } from './support/spawn-host';
import { seededTestDatabases } from './support/test-host';
import { testRetryScale } from './support/host-with-executor';

/**
 * Issue 20, defect 8: rotating the Inngest signing key without downtime. The engine and the
 * cells cannot switch keys at the same instant; while they differ, a cell holding the new key
 * with the old one as `INNGEST_SIGNING_KEY_FALLBACK` still syncs and runs its functions. Each
 * host is its own process in cloud mode (signatures verified), started as deployed, with the
 * analytics cell; the local executor signs its calls with the key the engine holds.
 */
const oldKey = `signkey-test-${'0a1b'.repeat(16)}`;
const newKey = `signkey-test-${'c2d3'.repeat(16)}`;

let executor: LocalInngest | undefined;
let host: SpawnedHost | undefined;
afterEach(async () => {
  await host?.stop();
  await executor?.stop();
  host = executor = undefined;
});
beforeAll(() => seededTestDatabases());

/** The engine holds `engineKey`; the analytics cell `cellKeys`. Resolves with the sync's log line. */
async function start(engineKey: string, cellKeys: { key: string; fallback?: string }) {
  executor = await startLocalInngest({
    port: 0,
    logger: pino({ level: 'silent' }),
    signingKey: engineKey,
    tuning: { pollIntervalMs: 50, retryScale: testRetryScale },
  });
  const port = await freePort();
  host = await spawnHost({
    CELLS: 'analytics',
    PORT: String(port),
    INNGEST_DEV: '0',
    INNGEST_BASE_URL: executor.url,
    INNGEST_EVENT_KEY: 'rotation-test-event-key',
    INNGEST_SIGNING_KEY: cellKeys.key,
    ...(cellKeys.fallback && { INNGEST_SIGNING_KEY_FALLBACK: cellKeys.fallback }),
    INNGEST_SYNC_ON_START: '1',
    INNGEST_SERVE_ORIGIN: `http://127.0.0.1:${port}`,
  });
  return waitForLog(host, (line) => /sync(ed)? with Inngest/.test(String(line.message)));
}

/** Sends a search event and waits for the analytics cell's run of it to end; its status. */
async function runOfSearchEvent(engineKey: string): Promise<string> {
  const running = executor!;
  const sent = await fetch(`${running.url}/e/rotation-test-event-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'search/search.performed',
      data: { query: 'lamp', resultCount: 3, zeroResults: false },
    }),
  });
  const { ids } = (await sent.json()) as { ids: string[] };
  // The engine's read API takes its signing key as a bearer token.
  const read = { authorization: `Bearer ${engineKey}` };
  return waitFor(
    async () => {
      const response = await fetch(`${running.url}/v1/events/${ids[0]}/runs`, { headers: read });
      const { data } = (await response.json()) as { data: { status: string }[] };
      const status = data[0]?.status;
      return status && status !== 'Running' ? status : undefined;
    },
    { what: 'the record-search run to end', timeoutMs: 20_000 },
  );
}

describe('rotating the Inngest signing key', () => {
  it('while the engine still signs with the old key, a cell with the new key and the old as fallback syncs and runs its functions', async () => {
    const synced = await start(oldKey, { key: newKey, fallback: oldKey });
    expect(synced.message).toBe('synced with Inngest');
    expect(await runOfSearchEvent(oldKey)).toBe('Completed');
  }, 60_000);

  it('once the engine signs with the new key, the same cell keeps working', async () => {
    const synced = await start(newKey, { key: newKey, fallback: oldKey });
    expect(synced.message).toBe('synced with Inngest');
    expect(await runOfSearchEvent(newKey)).toBe('Completed');
  }, 60_000);

  it('without the fallback, the engine refuses the cell during the rotation (the downtime the fallback avoids)', async () => {
    const synced = await start(oldKey, { key: newKey });
    expect(synced.message).toBe('could not sync with Inngest');
  }, 60_000);
});
