import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedMongo } from '@shop/db/mongo';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { monitoringRuleGroups } from './support/promtool';

// One alert end to end: a real Prometheus (Debian's package) scrapes a real cell host, loads the
// PrometheusRule's groups as they are, the host's database goes away, calls fail, and
// ShopHighErrorRate goes pending in Prometheus's HTTP API. Labels a ServiceMonitor would add
// (namespace, service) come from the static scrape config.

const apiPackage = new URL('../../../packages/api', import.meta.url).pathname;

function prometheusUnavailableReason(): string | undefined {
  const found = spawnSync('prometheus', ['--version'], { encoding: 'utf8' });
  return found.error || found.status !== 0
    ? 'prometheus is not installed (apt-get install prometheus; .ci/run installs it)'
    : undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` every 250 ms until it returns a value; fails naming `what` after `timeoutMs`. */
async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A TCP relay to MongoDB that can be cut: open connections reset, new ones refused. */
async function cuttableRelay(target: Readonly<URL>) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

const children: ChildProcess[] = [];
let mongo: ResolvedMongo | undefined;
let workDirectory: string | undefined;
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await mongo?.stop().catch(() => undefined);
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe('a real Prometheus with the platform alerts', () => {
  it(
    'sees ShopHighErrorRate go pending when a cell host starts failing',
    { timeout: 120_000 },
    async (context) => {
      const unavailable = prometheusUnavailableReason();
      if (unavailable) {
        console.warn(`skipped the Prometheus integration test: ${unavailable}`);
        return context.skip(unavailable);
      }
      const { resolveMongo } = await import('@shop/db/mongo');
      mongo = await resolveMongo({ mode: 'test' });
      workDirectory = mkdtempSync(join(tmpdir(), 'shop-prometheus-'));
      const mongoUrl = new URL(mongo.uri);
      const relay = await cuttableRelay(new URL(mongo.uri));
      mongoUrl.host = `127.0.0.1:${relay.port}`;
      // Only through the relay, whatever address the server advertises.
      mongoUrl.searchParams.set('directConnection', 'true');

      const hostPort = await freePort();
      const host = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts'], {
        cwd: apiPackage,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          MONGODB_URI: mongoUrl.toString(),
          MONGODB_DB_PREFIX: 'alert_test_',
          CELLS: 'product',
          PORT: String(hostPort),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'error',
          INNGEST_DEV: '1',
        },
        stdio: 'ignore',
      });
      children.push(host);
      const hostUrl = `http://127.0.0.1:${hostPort}`;
      // A product looked up by slug asks the database every time (an unknown one is a 404).
      let calls = 0;
      const list = () => {
        calls += 1;
        const input = encodeURIComponent(JSON.stringify({ slug: `no-such-product-${calls}` }));
        return fetch(`${hostUrl}/trpc/product.bySlug?input=${input}`).then((r) => r.status);
      };

      const promPort = await freePort();
      writeFileSync(
        join(workDirectory, 'rules.yaml'),
        stringify({ groups: monitoringRuleGroups() }),
      );
      writeFileSync(
        join(workDirectory, 'prometheus.yml'),
        stringify({
          global: { scrape_interval: '1s', evaluation_interval: '1s' },
          rule_files: ['rules.yaml'],
          scrape_configs: [
            {
              job_name: 'product',
              static_configs: [
                {
                  targets: [`127.0.0.1:${hostPort}`],
                  labels: { namespace: 'shop', service: 'product' },
                },
              ],
            },
          ],
        }),
      );
      const prometheus = spawn(
        'prometheus',
        [
          `--config.file=${join(workDirectory, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(workDirectory, 'data')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
        ],
        { cwd: workDirectory, stdio: 'ignore' },
      );
      children.push(prometheus);
      const prom = `http://127.0.0.1:${promPort}`;

      // The host answers, and Prometheus has scraped it at least once with calls succeeding.
      await waitFor('the cell host to answer', 60_000, async () =>
        (await list()) < 500 ? true : undefined,
      );
      // NOT_FOUND (404): an answer, not a server error.
      for (let i = 0; i < 5; i += 1) expect(await list()).toBeLessThan(500);
      await waitFor('a scrape of the cell host', 15_000, async () => {
        const answer = (await (
          await fetch(
            `${prom}/api/v1/query?query=${encodeURIComponent('cell_host_responses_total{kind="trpc"}')}`,
          )
        ).json()) as { data: { result: unknown[] } };
        return answer.data.result.length > 0 ? true : undefined;
      });
      const alertState = async () => {
        const answer = (await (await fetch(`${prom}/api/v1/alerts`)).json()) as {
          data: { alerts: { labels: Record<string, string>; state: string }[] };
        };
        return answer.data.alerts.find((alert) => alert.labels.alertname === 'ShopHighErrorRate');
      };
      expect(await alertState()).toBeUndefined();

      // The database goes away: every call that needs it now ends in a server error.
      relay.cut();
      const statuses = await Promise.all(Array.from({ length: 40 }, () => list()));
      expect(statuses.filter((status) => status >= 500).length).toBeGreaterThanOrEqual(30);

      const alert = await waitFor('ShopHighErrorRate to go pending', 20_000, async () => {
        const found = await alertState();
        return found?.state === 'pending' ? found : undefined;
      }).catch(async (error: unknown) => {
        // What Prometheus saw, to tell a scrape problem from a rule problem.
        const query = (promql: string) =>
          fetch(`${prom}/api/v1/query?query=${encodeURIComponent(promql)}`).then((r) => r.text());
        const rules = await (await fetch(`${prom}/api/v1/rules?type=alert`)).text();
        throw new Error(
          `${String(error)}\nresponses: ${await query('cell_host_responses_total{kind="trpc"}')}` +
            `\nup: ${await query('up')}\nrules: ${rules.slice(0, 800)}`,
        );
      });
      expect(alert.labels).toMatchObject({ service: 'product', severity: 'critical' });
    },
  );
});
