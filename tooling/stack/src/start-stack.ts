import { randomBytes } from 'node:crypto';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import { startLocalInngest } from '@shop/inngest-local';
import { createStructuredLogger } from '@shop/api/observability';
import { cellHostPlans, cellUrlEnv, inngestAppUrls } from './cell-hosts';
import { startProcess, type ManagedProcess } from './child-process';
import { stackConfig } from './config';
import { platformEnv } from './platform-env';
import { startStackMail } from './mail';
import { fromRoot } from './repo-root';
import { stackPorts, type StackMode } from './stack-config';
import { prepareStandaloneServer } from './standalone-server';
import { waitForHttp } from './wait-for-http';

export interface RunningStack {
  urls: {
    storefront: string;
    admin: string;
    cells: string;
    inngest: string;
    /** The captured-mail inbox; undefined when `SMTP_URL` sends mail to a real server. */
    mailInbox: string | undefined;
  };
  databaseKind: string;
  demoAccounts: { email: string; password: string; role: string }[];
  stop(): Promise<void>;
}

/**
 * Brings the whole platform up in dependency order: MongoDB (resolved), Inngest (the configured
 * server, else the local executor), demo data, every cell in one host process (or, with
 * CELL_HOSTS=each, one host per cell: cell-hosts.ts), then both apps.
 * `dev` runs the apps with `next dev`; `e2e` runs the production builds as production does: the
 * production entry wrapping the standalone server (`node .next/standalone/apps/<app>/server-entry.mjs`,
 * see standalone-server.ts).
 */
export async function startStack(
  mode: StackMode,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RunningStack> {
  const config = stackConfig();
  // Development prints readable lines (level, service, message, fields); e2e keeps JSON.
  const logFormat = config.LOG_FORMAT ?? (mode === 'dev' ? 'pretty' : 'json');
  const logger = createStructuredLogger({
    service: 'stack',
    level: config.LOG_LEVEL,
    format: logFormat,
  });
  const ports = stackPorts(mode);
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const stoppers: (() => Promise<void>)[] = [];
  // Stops what has started so far, newest first; safe to call more than once.
  const stop = async () => {
    for (let stopOne = stoppers.pop(); stopOne; stopOne = stoppers.pop()) {
      await stopOne().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
    }
  };
  // A stop requested while a step runs ends the start after that step (resources are added to
  // `stoppers` before the check, so nothing started is left behind).
  const step = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    signal?.throwIfAborted();
    return result;
  };

  try {
    signal?.throwIfAborted();
    const mongo = await resolveMongo({
      mode: mode === 'dev' ? 'dev' : 'test',
      dataDir: fromRoot('.data/mongo'),
      logger,
    });
    stoppers.push(() => mongo.stop());
    signal?.throwIfAborted();

    const cellsUrl = local(ports.cells);
    const cellHosts = cellHostPlans(config.CELL_HOSTS, ports.cells);
    let inngestUrl = config.INNGEST_BASE_URL;
    if (!inngestUrl) {
      const executor = await startLocalInngest({
        port: ports.inngest,
        host: '127.0.0.1',
        mongoUri: mongo.uri,
        appUrls: inngestAppUrls(cellHosts),
        logger: createStructuredLogger({
          service: 'inngest-local',
          level: config.LOG_LEVEL,
          format: logFormat,
        }),
        // e2e: the real retry table at 1/200 (issue 20); dev keeps production timing.
        ...(mode === 'dev' ? {} : { tuning: { retryScale: 0.005 } }),
      });
      stoppers.push(() => executor.stop());
      signal?.throwIfAborted();
      inngestUrl = executor.url;
    }

    const seed = await step(seedDemoData({ uri: mongo.uri }));

    const mail = await startStackMail({
      smtpPort: ports.mailSmtp,
      inboxPort: ports.mailInbox,
      dataDir: mode === 'dev' ? fromRoot('.data/mail') : undefined,
      logger,
    });
    stoppers.push(() => mail.stop());
    signal?.throwIfAborted();
    const storefrontUrl = local(ports.storefront);

    const sharedEnv = await platformEnv({
      mongoUri: mongo.uri,
      cellsUrl,
      inngestUrl,
      storefrontUrl,
      mail,
      logFormat,
      // A fresh secret per start is enough: every part gets it here.
      perStartSecret: () => Promise.resolve(randomBytes(32).toString('hex')),
    });

    // Each domain's URL when each cell has its own host (none with one host: SHOP_CELL_URL).
    Object.assign(sharedEnv, cellUrlEnv(cellHosts));
    await Promise.all(
      cellHosts.map(async (plan) => {
        const args = ['--import', 'tsx', 'src/host/main.ts'];
        const cells = startProcess(plan.name, process.execPath, args, {
          cwd: fromRoot('packages/api'),
          env: {
            ...sharedEnv,
            // e2e: the review request follows delivery in seconds, not days (reviews spec), and
            // a report rebuilds today's rollup when it is 2 s old, not 30 s (analytics spec).
            ...(mode === 'e2e'
              ? { REVIEW_REQUEST_DELAY: '5s', ANALYTICS_TODAY_FRESHNESS_MS: '2000' }
              : {}),
            CELLS: plan.cells,
            PORT: String(plan.port),
            HOST: '127.0.0.1',
          },
        });
        stoppers.push(() => cells.stop());
        await Promise.race([
          waitForHttp(`${local(plan.port)}/readyz`, { accept: (s) => s === 200 }),
          failed(cells),
        ]);
      }),
    );

    const apps: [name: 'storefront' | 'admin', port: number][] = [
      ['storefront', ports.storefront],
      ['admin', ports.admin],
    ];
    // `next start` does not serve `output: 'standalone'` builds; production runs server.js.
    const launches = await step(
      Promise.all(
        apps.map(async ([name, port]) => {
          if (mode === 'dev') {
            const nextBin = fromRoot(`apps/${name}/node_modules/next/dist/bin/next`);
            return {
              name,
              port,
              args: [nextBin, 'dev', '--port', String(port)],
              cwd: fromRoot(`apps/${name}`),
              env: {},
            };
          }
          // The production entry (server-entry.mjs), which starts the standalone server.js.
          const server = await prepareStandaloneServer(name);
          // The standalone server listens on HOSTNAME, which a shell or container may have set to
          // the machine's name. Every interface, as `next start` did and the images do: with
          // 127.0.0.1 the server's own URL and the proxy's (Next normalises 127.0.0.1 to
          // localhost) differ, so a proxy rewrite becomes an external fetch and loses its status
          // (the admin's 403 for a section a role does not grant came back as 200).
          // Nothing stands in front of the local apps: the client's address is the socket's.
          const env = { HOSTNAME: '0.0.0.0', TRUSTED_PROXY_HOPS: '0' };
          return { name, port, args: [server.serverJs], cwd: server.cwd, env };
        }),
      ),
    );
    const appProcesses = launches.map(({ name, port, args, cwd, env }) => {
      const app = startProcess(name, process.execPath, args, {
        cwd,
        env: {
          ...sharedEnv,
          NODE_ENV: mode === 'dev' ? 'development' : 'production',
          PORT: String(port),
          ...env,
          // Where next-auth builds its own links (sign-in redirects, callbacks).
          NEXTAUTH_URL: local(port),
        },
      });
      stoppers.push(() => app.stop());
      return [app, port] as const;
    });
    // Asking for the home page both waits for the server and, under `next dev`, compiles it, so the
    // first person to open it does not wait.
    await step(
      Promise.all(
        appProcesses.map(([app, port]) =>
          Promise.race([waitForHttp(`${local(port)}/`, { timeoutMs: 180_000 }), failed(app)]),
        ),
      ),
    );

    return {
      urls: {
        storefront: storefrontUrl,
        admin: local(ports.admin),
        cells: cellsUrl,
        inngest: inngestUrl,
        mailInbox: mail.inboxUrl,
      },
      databaseKind: mongo.kind,
      demoAccounts: seed.accounts,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function failed(processToWatch: ManagedProcess): Promise<never> {
  const code = await processToWatch.exited;
  throw new Error(`${processToWatch.name} exited early with code ${code}`);
}
