/**
 * A campaign to 100,000 subscribers against the local SMTP capture: whether the configured rate
 * holds, host CPU per message, the host's peak RSS, and the time to finish.
 *
 *   pnpm --filter @shop/bench campaign-send
 *   BENCH_SUBSCRIBERS=2000 BENCH_RATE=200 pnpm --filter @shop/bench campaign-send
 *
 * One host serves auth, notification and product, pinned to ONE core; the local executor, the
 * SMTP capture (`@shop/mail-capture`, its own process) and this script run on the other. The rate is CAMPAIGN_SEND_RATE (BENCH_RATE,
 * default 500 a second, far above the demo's 10, to find where the host stops keeping up). The
 * database is whatever `resolveMongo` finds (MONGODB_URI, a real mongod, else the in-memory
 * stand-in): the output names it. Subscribers are written straight to the store (confirmed).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { connectDomainDatabase } from '@shop/db';
import { resolveMongo } from '@shop/db/mongo';
import { notificationModels } from '@shop/db/notification';
import { demoPassword, seedDemoData } from '@shop/db/seed';
import { fromRoot } from '@shop/stack/repo-root';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const subscriberCount = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const rate = Number(process.env.BENCH_RATE ?? 500);
const port = Number(process.env.BENCH_PORT ?? 5231);
const executorPort = Number(process.env.BENCH_EXECUTOR_PORT ?? 5232);
const url = `http://127.0.0.1:${port}`;

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 2000 });
const models = notificationModels(await connectDomainDatabase('notification', { uri: mongo.uri }));

// Confirmed subscribers, in chunks the stand-in takes without a pause.
const runId = randomBytes(3).toString('hex');
const now = new Date();
for (let at = 0; at < subscriberCount; at += 5_000) {
  await models.Subscriber.insertMany(
    Array.from({ length: Math.min(5_000, subscriberCount - at) }, (_, index) => ({
      email: `bench-${runId}-${at + index}@example.com`,
      status: 'subscribed',
      changedAt: now,
      source: 'footer',
      wording: 'Email me about new products and offers.',
      confirmedAt: now,
    })),
    { ordered: false },
  );
}
const audience = await models.Subscriber.countDocuments({ status: 'subscribed' });

// The SMTP capture in its own process (as `pnpm dev` runs it); it keeps the newest 500 messages.
const smtpPort = Number(process.env.BENCH_SMTP_PORT ?? 5233);
const capture = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: fromRoot('packages/mail-capture'),
  env: {
    ...process.env,
    MAIL_SMTP_PORT: String(smtpPort),
    MAIL_INBOX_PORT: String(smtpPort + 1),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Whatever happens below, the helper processes end with this one (Ctrl-C included).
process.once('exit', () => capture.kill('SIGTERM'));
process.once('SIGINT', () => process.exit(130));
for (let attempt = 0; ; attempt += 1) {
  const up = await fetch(`http://127.0.0.1:${smtpPort + 1}/api/messages`)
    .then((response) => response.ok)
    .catch(() => false);
  if (up) break;
  if (attempt > 900) throw new Error('the SMTP capture never started');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const inngestKeys = {
  INNGEST_SIGNING_KEY: `signkey-bench-${randomBytes(32).toString('hex')}`,
  INNGEST_EVENT_KEY: randomBytes(32).toString('hex'),
};
const executorUrl = `http://127.0.0.1:${executorPort}`;
const executor = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: fromRoot('packages/inngest-local'),
  env: {
    ...process.env,
    ...inngestKeys,
    PORT: String(executorPort),
    MONGODB_URI: mongo.uri,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.once('exit', () => executor.kill('SIGTERM'));
for (let attempt = 0; ; attempt += 1) {
  const healthy = await fetch(`${executorUrl}/health`)
    .then((response) => response.ok)
    .catch(() => false);
  if (healthy) break;
  if (attempt > 900) throw new Error('the Inngest executor never became healthy');
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'auth,notification,product',
    MONGODB_URI: mongo.uri,
    ...inngestKeys,
    INNGEST_BASE_URL: executorUrl,
    INNGEST_SYNC_ON_START: '1',
    INNGEST_SERVE_ORIGIN: url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_LINK_SECRET: randomBytes(32).toString('base64url'),
    CAMPAIGN_SEND_RATE: String(rate),
    // Production wants the file store named (product images); none is written.
    FILES_STORE: 'local',
    FILES_LOCAL_DIR: path.join(tmpdir(), 'shop-bench-campaign-files'),
  },
});

process.once('exit', () => {
  if (host.pid) process.kill(host.pid, 'SIGTERM');
});

async function call<T>(kind: 'query' | 'mutation', path: string, input: unknown, token?: string) {
  const headers: Record<string, string> = { ...host.headers, 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response =
    kind === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        })
      : await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input),
        });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) {
    throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body.error)}`);
  }
  return body.result.data;
}

/** The host's CPU time so far (user + system), ms. */
function hostCpuMs(): number {
  const fields = readFileSync(`/proc/${host.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
/** The host's peak resident memory so far (VmHWM), MiB. */
function hostPeakRssMiB(): number {
  const line = readFileSync(`/proc/${host.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return Number(line?.[1] ?? Number.NaN) / 1024;
}

interface CampaignState {
  status: string;
  counts: { audience: number; sent: number; failed: number; skipped: number };
}

try {
  // Access tokens live minutes; a long run signs in again when one has expired.
  const signIn = async () =>
    (
      await call<{ accessToken: string }>('mutation', 'auth.login', {
        email: 'admin@example.com',
        password: demoPassword,
      })
    ).accessToken;
  let accessToken = await signIn();
  const readCampaign = async (id: string): Promise<CampaignState> => {
    try {
      return await call<CampaignState>('query', 'notification.getCampaign', { id }, accessToken);
    } catch (error) {
      if (!String(error).includes(' 401:')) throw error;
      accessToken = await signIn();
      return call<CampaignState>('query', 'notification.getCampaign', { id }, accessToken);
    }
  };
  const { id } = await call<{ id: string }>(
    'mutation',
    'notification.createCampaign',
    {
      idempotencyKey: randomUUID(),
      name: 'Bench',
      subject: 'Benchmark campaign',
      language: 'en',
      blocks: [
        { type: 'heading', text: 'Winter sale', level: 1 },
        { type: 'text', text: 'Warm things for cold days.\n\nThree days only.' },
        { type: 'button', label: 'Shop the sale', href: 'https://shop.test/sale' },
      ],
      audience: { kind: 'all' },
    },
    accessToken,
  );
  const loadBefore = loadavg()[0]!;
  const cpuBefore = hostCpuMs();
  // This process holds the in-memory stand-in when no real MongoDB is given: its CPU is mostly
  // the database's (the polling here is one read a second).
  const scriptCpuBefore = process.cpuUsage();
  const started = performance.now();
  await call('mutation', 'notification.sendCampaignNow', { id }, accessToken);
  let state: CampaignState;
  let lastReport = 0;
  // The most sent between two reads a second apart: deliveries are recorded 50 at a time, so
  // their times cannot show single seconds.
  let lastSent = 0;
  let lastRead = started;
  let busiest = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    state = await readCampaign(id);
    const now = performance.now();
    busiest = Math.max(busiest, ((state.counts.sent - lastSent) * 1000) / (now - lastRead));
    lastSent = state.counts.sent;
    lastRead = now;
    const elapsed = (now - started) / 1000;
    if (elapsed - lastReport >= 30) {
      lastReport = elapsed;
      console.warn(
        `${elapsed.toFixed(0)} s: ${state.counts.sent} sent, ${(state.counts.sent / elapsed).toFixed(1)}/s, ` +
          `host CPU ${((hostCpuMs() - cpuBefore) / Math.max(1, state.counts.sent)).toFixed(2)} ms per message, ` +
          `host peak RSS ${hostPeakRssMiB().toFixed(0)} MiB, load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
    if (state.status !== 'sending' && state.status !== 'scheduled') break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = hostCpuMs() - cpuBefore;
  const scriptCpu = process.cpuUsage(scriptCpuBefore);
  const scriptCpuMs = (scriptCpu.user + scriptCpu.system) / 1000;

  // When each recipient was done, from the delivery records: the rate from first to last.
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for await (const delivery of models.CampaignDelivery.find(
    { campaignId: id, status: 'sent' },
    { doneAt: 1 },
  )
    .lean()
    .cursor()) {
    const at = delivery.doneAt!.getTime();
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  const sendingSeconds = (last - first) / 1000;
  const counts = state.counts;
  console.warn(`\ncampaign-send: ${describeMachine()}`);
  console.warn(`database: ${mongo.kind}; host pinned to one core: ${host.pinnedToOneCore}`);
  console.warn(
    `load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]!.toFixed(2)}`,
  );
  console.warn(
    `CAMPAIGN_SEND_RATE=${rate}/s, audience ${audience} (campaign counted ${counts.audience})`,
  );
  console.warn(
    `status ${state.status}: sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}`,
  );
  console.warn(
    `time to finish ${seconds.toFixed(1)} s (first to last send ${sendingSeconds.toFixed(1)} s): ` +
      `${(counts.sent / sendingSeconds).toFixed(1)} emails/s on average, busiest second (sampled) ${busiest.toFixed(0)}`,
  );
  console.warn(
    `host CPU ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / Math.max(1, counts.sent)).toFixed(2)} ms per message; host peak RSS ${hostPeakRssMiB().toFixed(0)} MiB`,
  );
  console.warn(
    `this process (${mongo.kind === 'in-memory-wire' ? 'the database stand-in' : 'the script'}) CPU ${(scriptCpuMs / 1000).toFixed(1)} s = ${(scriptCpuMs / Math.max(1, counts.sent)).toFixed(2)} ms per message`,
  );
} finally {
  await host.stop();
  executor.kill('SIGTERM');
  capture.kill('SIGTERM');
  await mongo.stop();
}
