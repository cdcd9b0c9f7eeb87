import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import {
  cellHostPlans,
  cellUrlEnv,
  inngestAppUrls,
  platformEnv,
  startStackMail,
  type CellLayout,
} from '@shop/stack';
import { bundleEntry, cellHostEnvironment, cellHostNodeFlags } from '@shop/api/cell-image';
import { fromRoot } from '@shop/stack/repo-root';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { startDatabaseGate, type DatabaseGate } from '@shop/db/testing';
import { platformPart, type PlatformPart } from './platform-part';
import { storefrontSnapshot } from './storefront-snapshot';

export interface LoadStack {
  storefrontUrl: string;
  mailInboxUrl: string;
  /** The database itself (not through the gate): for the reconciliation check. */
  databaseUri: string;
  databaseKind: string;
  gate: DatabaseGate;
  cellHosts: PlatformPart[];
  executor: PlatformPart;
  storefront: PlatformPart;
  /** Headers the cells want for /metrics (the internal credential). */
  cellHeaders: Record<string, string>;
  demoAccounts: { email: string; password: string; role: string }[];
  stop(): Promise<void>;
}

/**
 * The platform as production runs it, on loopback ports from `basePort`: the storefront's
 * production build through its production entry, the cell host(s) (`one`, or `each` cell in its
 * own process configured only by environment), the local Inngest executor in its own process, the
 * in-memory MongoDB stand-in behind a gate, and the SMTP capture. The admin is not started (no
 * shopper reaches it).
 */
export async function startLoadStack(
  layout: CellLayout,
  basePort: number,
  /** Added to every part's environment (the fault test shortens the payment timeout). */
  extraEnv: NodeJS.ProcessEnv = {},
  /** Added to the storefront's only (the sessions run keeps idle connections open longer). */
  storefrontEnv: NodeJS.ProcessEnv = {},
): Promise<LoadStack> {
  const logger = pino({ level: 'warn' });
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const logDir = `/tmp/shop-load/${layout}`;
  await mkdir(logDir, { recursive: true });
  const stoppers: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (let next = stoppers.pop(); next; next = stoppers.pop()) await next().catch(() => {});
  };
  try {
    const ports = {
      storefront: basePort,
      executor: basePort + 1,
      mailSmtp: basePort + 2,
      mailInbox: basePort + 3,
      gate: basePort + 4,
      cells: basePort + 10,
    };
    const mongo = await resolveMongo({ mode: 'test', logger });
    stoppers.push(() => mongo.stop());
    const gate = await startDatabaseGate(mongo.uri, ports.gate);
    stoppers.push(() => gate.close());
    const seed = await seedDemoData({ uri: mongo.uri });
    const mail = await startStackMail({
      smtpPort: ports.mailSmtp,
      inboxPort: ports.mailInbox,
      dataDir: undefined,
      logger,
    });
    stoppers.push(() => mail.stop());

    const plans = cellHostPlans(layout, ports.cells);
    const cellsUrl = local(plans[0]!.port);
    const executorUrl = local(ports.executor);
    const storefrontUrl = local(ports.storefront);
    const cellToken = randomBytes(32).toString('base64url');
    const shared: NodeJS.ProcessEnv = {
      ...(await platformEnv({
        mongoUri: gate.uri,
        cellsUrl,
        inngestUrl: executorUrl,
        storefrontUrl,
        mail,
        logFormat: 'json',
        perStartSecret: () => Promise.resolve(randomBytes(32).toString('hex')),
      })),
      ...cellUrlEnv(plans),
      CELL_SERVICE_TOKEN: cellToken,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    };

    const executor = platformPart({
      name: 'executor',
      url: executorUrl,
      args: ['--import', 'tsx', 'src/main.ts'],
      cwd: fromRoot('packages/inngest-local'),
      env: {
        ...shared,
        PORT: String(ports.executor),
        HOST: '127.0.0.1',
        INNGEST_SYNC_URLS: inngestAppUrls(plans).join(','),
        // The e2e stack's retry table (1/200 of the real one), so a retried step lands within a
        // fault test's minutes rather than the real 15 s ... 2 h.
        INNGEST_LOCAL_RETRY_SCALE: '0.005',
      },
      readyPath: '/health',
      logDir,
    });
    // LOAD_CELL_IMAGE: a folder written by `pnpm --filter @shop/api build:cell-image <folder>`,
    // to run the hosts as the pods do (the esbuild bundle, plain node, the image's Node flags)
    // instead of the source through tsx, which holds 50 to 100 MiB more per host.
    const cellImage = process.env.LOAD_CELL_IMAGE;
    if (cellImage && !existsSync(`${cellImage}/${bundleEntry}`)) {
      throw new Error(`LOAD_CELL_IMAGE=${cellImage} holds no cell-host bundle: build it first`);
    }
    // LOAD_HOST_NODE_ARGS: Node flags for every cell host (say `--max-semi-space-size=8`), to
    // try a memory setting on the hosts without touching the generator or the storefront.
    const hostNodeArgs = process.env.LOAD_HOST_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
    const cellHosts = plans.map((plan) =>
      platformPart({
        name: plan.name,
        url: local(plan.port),
        args: [
          ...hostNodeArgs,
          ...(cellImage
            ? [...cellHostNodeFlags, bundleEntry]
            : ['--import', 'tsx', 'src/host/main.ts']),
        ],
        cwd: cellImage ?? fromRoot('packages/api'),
        env: {
          ...shared,
          ...(cellImage ? cellHostEnvironment : {}),
          CELLS: plan.cells,
          PORT: String(plan.port),
          HOST: '127.0.0.1',
        },
        readyPath: '/readyz',
        logDir,
      }),
    );
    // The executor syncs the hosts' endpoints when it starts: hosts first.
    for (const host of cellHosts) stoppers.push(() => host.stop());
    await Promise.all(cellHosts.map((host) => host.start()));
    stoppers.push(() => executor.stop());
    await executor.start();

    const server = await storefrontSnapshot();
    const storefront = platformPart({
      name: 'storefront',
      url: storefrontUrl,
      args: [server.serverJs],
      cwd: server.cwd,
      env: {
        ...shared,
        NODE_ENV: 'production',
        PORT: String(ports.storefront),
        HOSTNAME: '127.0.0.1',
        NEXTAUTH_URL: storefrontUrl,
        // Shoppers come from many addresses: the load names each one in X-Forwarded-For, as an
        // ingress would, so the gateway's per-client rate limit applies per shopper.
        TRUSTED_PROXY_HOPS: '1',
        ...storefrontEnv,
      },
      readyPath: '/healthz',
      logDir,
    });
    stoppers.push(() => storefront.stop());
    await storefront.start();

    return {
      storefrontUrl,
      mailInboxUrl: mail.inboxUrl ?? '',
      databaseUri: mongo.uri,
      databaseKind: mongo.kind,
      gate,
      cellHosts,
      executor,
      storefront,
      cellHeaders: { 'x-shop-cell-token': cellToken },
      demoAccounts: seed.accounts,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
