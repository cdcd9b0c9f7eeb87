/**
 * The analytics cell (issue 14), two figures:
 *
 * 1. Ingestion: `analytics.ingestEvents` over HTTP as the storefront's `/api/events` route calls
 *    it (batches of 50 browser events), from 8 concurrent senders, against a cell host
 *    (analytics only, `NODE_ENV=production`) pinned to one core. Events per second, and the
 *    host's CPU time per event (user + system, from /proc).
 * 2. Reports over a large seeded set (default 1,000,000 browsing events over 90 days and 50,000
 *    orders): the rollups are built once, then each report is asked 20 times for the last 30 and
 *    the last 90 days; p50 and p95.
 *
 *   pnpm --filter @shop/bench analytics
 *   BENCH_EVENTS=200000 BENCH_ORDERS=10000 pnpm --filter @shop/bench analytics
 *   BENCH_INGEST_BATCHES=0 BENCH_REPORTS=customersReport pnpm --filter @shop/bench analytics
 *
 * Without MONGODB_URI the database is whatever `resolveMongo` finds (the output names it).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { resolveMongo } from '@shop/db/mongo';
import { demoPassword, seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const eventCount = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const orderCount = Number(process.env.BENCH_ORDERS ?? 50_000);
const ingestBatches = Number(process.env.BENCH_INGEST_BATCHES ?? 600);
const requestsPer = Number(process.env.BENCH_REQUESTS ?? 20);
/** Only these reports when set (comma-separated procedure names), e.g. `customersReport`. */
const onlyReports = process.env.BENCH_REPORTS?.split(',');
const port = Number(process.env.BENCH_PORT ?? 4905);
const url = `http://127.0.0.1:${port}`;
const dayMs = 86_400_000;

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const host = await startPinnedCellHost({
  port,
  env: { CELLS: 'auth,analytics', MONGODB_URI: mongo.uri, INNGEST_BASE_URL: url },
});
// The demo staff accounts (the analyst signs in for the reports); a tiny catalogue.
await seedDemoData({ uri: mongo.uri, productCount: 200 });

/** Staff access tokens last 5 minutes: a fresh one per report. */
async function signIn(): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...host.headers },
    body: JSON.stringify({ email: 'analyst@example.com', password: demoPassword }),
  });
  const body = (await response.json()) as { result?: { data?: { accessToken?: string } } };
  const token = body.result?.data?.accessToken;
  if (!token) throw new Error(`sign-in failed: ${response.status}`);
  return token;
}

/** The host process's CPU time so far (user + system), in milliseconds. */
function hostCpuMs(): number {
  if (!host.pid) return Number.NaN;
  const fields = readFileSync(`/proc/${host.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const id = () => randomBytes(12).toString('hex');
function browserBatch(now: number) {
  const session = id();
  return {
    anonymousId: id(),
    sessionId: session,
    device: 'desktop',
    source: 'search',
    signals: { gpc: false, consent: 'unset' },
    events: Array.from({ length: 50 }, (_, index) =>
      index % 5 === 0
        ? {
            id: id(),
            kind: 'product_viewed',
            at: now - index,
            path: '/products/oak-lamp',
            productId: 'oak-lamp',
          }
        : { id: id(), kind: 'page_viewed', at: now - index, path: `/categories/c${index}` },
    ),
  };
}

async function ingest(): Promise<Record<string, number>> {
  const send = async () => {
    const response = await fetch(`${url}/trpc/analytics.ingestEvents`, {
      method: 'POST',
      headers: { ...host.headers, 'content-type': 'application/json' },
      body: JSON.stringify(browserBatch(Date.now())),
    });
    if (!response.ok) throw new Error(`ingestEvents: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; i < 20; i += 1) await send(); // warm-up
  const loadBefore = loadavg()[0] ?? 0;
  const cpuBefore = hostCpuMs();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < ingestBatches) {
        next += 1;
        await send();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = ingestBatches * 50;
  return {
    events,
    seconds: Number(seconds.toFixed(1)),
    eventsPerSecond: Math.round(events / seconds),
    hostCpuMicrosecondsPerEvent: Math.round(((hostCpuMs() - cpuBefore) * 1000) / events),
    loadAverage: Number((((loadavg()[0] ?? 0) + loadBefore) / 2).toFixed(1)),
  };
}

/** Products 0-499 in 12 categories. */
const categoryOf = (product: number) => `category-${product % 12}`;

/** Sessions of ten events each, spread over the 90 days before now. */
async function seed(now: number): Promise<number> {
  const { TrackedEvent, AnalyticsEvent } = analyticsModels(
    await connectDomainDatabase('analytics', { uri: mongo.uri }),
  );
  await Promise.all([TrackedEvent.deleteMany({}), AnalyticsEvent.deleteMany({})]);
  const started = performance.now();
  const kinds = [
    'session_started',
    'page_viewed',
    'product_viewed',
    'product_viewed',
    'search_result_clicked',
    'product_viewed',
    'cart_item_added',
    'checkout_started',
    'cart_item_removed',
    'page_viewed',
  ];
  const span = 90 * dayMs - 3_600_000;
  for (let start = 0; start < eventCount; start += 5_000) {
    const batch = [];
    for (let index = start; index < Math.min(eventCount, start + 5_000); index += 1) {
      const sessionIndex = Math.floor(index / 10);
      const kind = kinds[index % 10]!;
      const at = now - span + ((sessionIndex * 7_919_351) % span) + (index % 10) * 20_000;
      const product = `product-${sessionIndex % 500}`;
      batch.push({
        _id: id(),
        kind,
        occurredAt: new Date(at),
        receivedAt: new Date(at),
        anonymousId: `browser-${sessionIndex % 40_000}`,
        sessionId: `session-${sessionIndex}`,
        device: sessionIndex % 3 === 0 ? 'mobile' : 'desktop',
        trafficSource: sessionIndex % 4 === 0 ? 'search' : 'direct',
        ...(kind === 'page_viewed' && index % 20 === 9
          ? { path: `/checkout/confirmation/${sessionIndex}` }
          : { path: '/' }),
        ...([
          'product_viewed',
          'search_result_clicked',
          'cart_item_added',
          'cart_item_removed',
        ].includes(kind)
          ? {
              productId: product,
              // As the rollup job stamps them (the bench host runs no product cell to ask).
              categorySlug: categoryOf(sessionIndex % 500),
              categoryName: `Category ${(sessionIndex % 500) % 12}`,
            }
          : {}),
        ...(kind === 'search_result_clicked' ? { query: `query ${sessionIndex % 300}` } : {}),
        properties:
          kind === 'cart_item_added'
            ? { quantity: 2, unitPriceMinor: 1_999, currency: 'EUR' }
            : kind === 'cart_item_removed'
              ? { quantity: 1 }
              : {},
      });
    }
    await TrackedEvent.insertMany(batch, { ordered: false, lean: true });
  }
  for (let start = 0; start < orderCount; start += 5_000) {
    const batch = [];
    for (let index = start; index < Math.min(orderCount, start + 5_000); index += 1) {
      const at = now - span + ((index * 104_729_003) % span);
      batch.push({
        name: 'order/order.confirmed',
        occurredAt: new Date(at),
        // A lean insert sets no timestamps; the job finds recorded events by updatedAt.
        createdAt: new Date(at),
        updatedAt: new Date(at),
        source: 'order',
        properties: {
          orderId: `order-${index}`,
          totalMinor: 2_000 + (index % 50) * 100,
          currency: 'EUR',
          itemCount: 1 + (index % 3),
          lines: [
            {
              sku: `SKU-${index % 500}`,
              name: `Product ${index % 500}`,
              quantity: 1 + (index % 3),
              lineTotalMinor: 2_000 + (index % 50) * 100,
              categorySlug: categoryOf(index % 500),
              categoryName: `Category ${(index % 500) % 12}`,
            },
          ],
          ...(index % 4 === 0 ? { guest: true } : { accountId: `account-${index % 12_000}` }),
        },
      });
    }
    await AnalyticsEvent.insertMany(batch, { ordered: false, lean: true });
  }
  return Math.round((performance.now() - started) / 1000);
}

const localDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(at));

/** This process's resident memory and V8 heap in MiB (the stand-in database lives here). */
function memoryMiB(): { rssMiB: number; heapUsedMiB: number } {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: Math.round(rss / 2 ** 20), heapUsedMiB: Math.round(heapUsed / 2 ** 20) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[index] ?? 0);
}

async function timedReport(procedure: string, input: Record<string, unknown>, token: string) {
  const started = performance.now();
  const query = encodeURIComponent(JSON.stringify(input));
  const response = await fetch(`${url}/trpc/analytics.${procedure}?input=${query}`, {
    headers: { ...host.headers, authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${procedure}: ${response.status}`);
  return performance.now() - started;
}

try {
  const ingestion = ingestBatches > 0 ? await ingest() : {};
  process.stderr.write(`ingestion ${JSON.stringify(ingestion)}\n`);

  const now = Date.now();
  const seedSeconds = await seed(now);
  // The in-memory stand-in keeps its data in this process: its size is this process's memory.
  const seededMemory = memoryMiB();
  process.stderr.write(
    `seeded ${eventCount} events, ${orderCount} orders in ${seedSeconds} s, ${JSON.stringify(seededMemory)}\n`,
  );
  // Built by the cell's own job (a child process: the host has no Inngest executor here).
  const rollupStarted = performance.now();
  // Asynchronously: the in-memory stand-in answers from this process's event loop.
  const { stdout: rolled } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/analytics-rollups.ts'],
    {
      env: { ...process.env, MONGODB_URI: mongo.uri, BENCH_NOW: String(now) },
      maxBuffer: 1024 * 1024,
    },
  );
  const rollupSeconds = Math.round((performance.now() - rollupStarted) / 1000);
  process.stderr.write(
    `rolled up ${rolled.trim()} in ${rollupSeconds} s, ${JSON.stringify(memoryMiB())}\n`,
  );

  const results = [];
  for (const days of [30, 90]) {
    const range = { from: localDay(now - (days - 1) * dayMs), to: localDay(now) };
    for (const [procedure, input] of [
      ['salesReport', { ...range, interval: 'day' }],
      ['funnelReport', range],
      ['topProductsReport', range],
      ['topCategoriesReport', range],
      ['searchReport', range],
      ['customersReport', range],
      ['abandonedCartsReport', range],
    ] as const) {
      if (onlyReports && !onlyReports.includes(procedure)) continue;
      const token = await signIn();
      const loadBefore = loadavg()[0] ?? 0;
      await timedReport(procedure, input, token); // warm-up
      const times: number[] = [];
      for (let i = 0; i < requestsPer; i += 1)
        times.push(await timedReport(procedure, input, token));
      const row = {
        report: procedure,
        days,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        loadAverage: Number((((loadavg()[0] ?? 0) + loadBefore) / 2).toFixed(1)),
      };
      results.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        hostPinnedToOneCore: host.pinnedToOneCore,
        ingestion,
        events: eventCount,
        orders: orderCount,
        seedSeconds,
        seededMemory,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        rollupSeconds,
        requestsPerReport: requestsPer,
        results,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await closeDatabaseConnections();
  await host.stop();
  await mongo.stop();
}
