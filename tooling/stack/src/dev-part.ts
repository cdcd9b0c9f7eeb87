import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { domains } from '@shop/api/client';
import { createStructuredLogger } from '@shop/api/observability';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import { startLocalInngest } from '@shop/inngest-local';
import { stackConfig } from './config';
import { startStackMail } from './mail';
import { platformEnv } from './platform-env';
import { fromRoot } from './repo-root';
import { sessionSecret } from './session-secret';
import { stackPorts } from './stack-config';
import { waitForHttp } from './wait-for-http';

export const devParts = ['database', 'executor', 'mail', 'cells', 'storefront', 'admin'] as const;
export type DevPart = (typeof devParts)[number];

/** What a part hands to the others: `.data/dev-parts/<part>.json`, with the writer's pid. */
const handoverFile = (part: 'database' | 'mail') => fromRoot(`.data/dev-parts/${part}.json`);

async function handOver(part: 'database' | 'mail', value: Record<string, unknown>) {
  await mkdir(fromRoot('.data/dev-parts'), { recursive: true });
  await writeFile(handoverFile(part), JSON.stringify({ ...value, pid: process.pid }));
}

function alive(pid: unknown): boolean {
  try {
    return typeof pid === 'number' && process.kill(pid, 0);
  } catch {
    return false;
  }
}

/** Waits until a running part has handed over (a file left by a stopped one does not count). */
async function takeOver<T>(part: 'database' | 'mail'): Promise<T> {
  for (;;) {
    const text = await readFile(handoverFile(part), 'utf8').catch(() => '');
    if (text) {
      const value = JSON.parse(text) as T & { pid?: unknown };
      if (alive(value.pid)) return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * One part of the platform for `turbo dev` (each its own pane in turbo's terminal UI): the same
 * parts `pnpm dev` starts in one process, on the same ports, handing over what the others need
 * through `.data/dev-parts/`. Each part waits for the ones it needs, so they start in any order.
 */
export async function runDevPart(part: DevPart): Promise<void> {
  const config = stackConfig();
  const ports = stackPorts('dev');
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const logFormat = config.LOG_FORMAT ?? 'pretty';
  const logger = createStructuredLogger({
    service: part,
    level: config.LOG_LEVEL,
    format: logFormat,
  });
  const onStop = (stop: () => Promise<void>) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stop().finally(() => process.exit(0)));
    }
  };
  // The secrets the cells and apps must share, kept in .data/ like the session secret.
  const sharedSecret = (name: string) => sessionSecret(fromRoot(`.data/dev-${name}-secret`), {});

  if (part === 'database') {
    await rm(handoverFile('database'), { force: true });
    const mongo = await resolveMongo({ mode: 'dev', dataDir: fromRoot('.data/mongo'), logger });
    onStop(() => mongo.stop());
    await seedDemoData({ uri: mongo.uri });
    await handOver('database', { uri: mongo.uri, kind: mongo.kind });
    logger.info({ uri: mongo.uri, kind: mongo.kind }, 'database ready, demo data in place');
    return;
  }
  if (part === 'mail') {
    await rm(handoverFile('mail'), { force: true });
    const mail = await startStackMail({
      smtpPort: ports.mailSmtp,
      inboxPort: ports.mailInbox,
      dataDir: fromRoot('.data/mail'),
      logger,
    });
    onStop(() => mail.stop());
    await handOver('mail', { smtpUrl: mail.smtpUrl, inboxUrl: mail.inboxUrl });
    logger.info({ inbox: mail.inboxUrl, smtp: mail.smtpUrl }, 'mail ready');
    return;
  }

  const database = await takeOver<{ uri: string }>('database');
  if (part === 'executor') {
    if (config.INNGEST_BASE_URL) {
      logger.info(
        { inngest: config.INNGEST_BASE_URL },
        'INNGEST_BASE_URL is set: no local executor',
      );
      return;
    }
    const cellsUrl = local(ports.cells);
    const executor = await startLocalInngest({
      port: ports.inngest,
      host: '127.0.0.1',
      mongoUri: database.uri,
      appUrls: domains.map((domain) => `${cellsUrl}/api/inngest/${domain}`),
      logger,
    });
    onStop(() => executor.stop());
    logger.info({ url: executor.url }, 'executor ready');
    return;
  }

  const mail = await takeOver<{ smtpUrl: string; inboxUrl?: string }>('mail');
  const env = await platformEnv({
    mongoUri: database.uri,
    cellsUrl: local(ports.cells),
    inngestUrl: config.INNGEST_BASE_URL ?? local(ports.inngest),
    storefrontUrl: local(ports.storefront),
    mail,
    logFormat,
    perStartSecret: sharedSecret,
  });
  const command =
    part === 'cells'
      ? {
          args: ['--import', 'tsx', 'src/host/main.ts'],
          cwd: fromRoot('packages/api'),
          env: { ...env, CELLS: 'all', PORT: String(ports.cells), HOST: '127.0.0.1' },
        }
      : await appCommand(part, env, local(ports.cells));
  // The child writes straight to this pane.
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: command.env,
    stdio: 'inherit',
  });
  onStop(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  });
  child.once('exit', (code) => process.exit(code ?? 0));

  async function appCommand(app: 'storefront' | 'admin', shared: NodeJS.ProcessEnv, cells: string) {
    // The apps render from the cells: wait until they answer.
    await waitForHttp(`${cells}/readyz`, {
      accept: (status) => status === 200,
      timeoutMs: 600_000,
    });
    const port = app === 'storefront' ? ports.storefront : ports.admin;
    return {
      args: [
        fromRoot(`apps/${app}/node_modules/next/dist/bin/next`),
        'dev',
        '--port',
        String(port),
      ],
      cwd: fromRoot(`apps/${app}`),
      env: {
        ...shared,
        NODE_ENV: 'development',
        PORT: String(port),
        NEXTAUTH_URL: local(port),
      },
    };
  }
}
