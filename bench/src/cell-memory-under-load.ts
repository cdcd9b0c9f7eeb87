/**
 * The order cell's host under cart (and optionally checkout) traffic, and what its memory is made
 * of: the order host and the product host it asks for prices, each in its own process as the pods
 * run them (BENCH_CELL_IMAGE: the cell image's bundle with plain node; else the source through
 * tsx). Guests read and change their carts at a fixed rate (`order.cart`, `order.updateCartLine`,
 * `order.removeFromCart`, `order.addToCart`, as cart-operations.ts); with BENCH_ORDERS_PER_MINUTE
 * other guests also fill a cart, quote it and place it (`order.place`; the saga's event goes to a
 * stand-in engine, so the order stays PENDING: what is measured is the order host's own work).
 *
 * Each setting in BENCH_HEAP_VARIANTS (separated by `;`; an empty one means Node's defaults) gets
 * a fresh order host: `NAME=value` words become its environment (MALLOC_ARENA_MAX=2), the rest its
 * NODE_OPTIONS (--max-semi-space-size=8). With BENCH_CONCURRENT=1 the settings run side by side
 * (one order host each, same traffic, same minutes), so a busy machine weighs on all of them alike.
 * Twice a second the run reads each host's RSS from /proc and its heap's parts from its /metrics
 * (prom-client's process metrics); every BENCH_SERIES_SECONDS (default 60) it also splits the RSS
 * by mapping (/proc/<pid>/smaps: V8 and other anonymous memory, glibc's arenas, mapped files) and
 * keeps the sample, then reports the series, the growth per minute of each part after the first
 * BENCH_WARM_UP_SECONDS (default 120), the bytes of RSS grown per operation served, and the host's
 * CPU time per operation (a smaller young generation collects more often).
 *
 *   pnpm --filter @shop/api build:cell-image /tmp/cell-image
 *   BENCH_CELL_IMAGE=/tmp/cell-image pnpm --filter @shop/bench cell-memory-under-load
 *   BENCH_RATE=100 BENCH_SECONDS=60 BENCH_HEAP_VARIANTS=';--max-semi-space-size=2' ...
 *   BENCH_SECONDS=720 BENCH_RATE=40 BENCH_ORDERS_PER_MINUTE=30 BENCH_CONCURRENT=1 \
 *     BENCH_HEAP_VARIANTS=';MALLOC_ARENA_MAX=2;--max-semi-space-size=8 MALLOC_ARENA_MAX=2' ...
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { stockedCartSkus } from './cart-skus';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';
import { loadAverage, processCpuMs } from './process-cpu';
import { memoryMap, type MemoryMap } from './process-memory-map';
import { benchShippingAddress } from './shopper-address';

const rate = Number(process.env.BENCH_RATE ?? 100);
const duration = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ordersPerMinute = Number(process.env.BENCH_ORDERS_PER_MINUTE ?? 0);
const seriesSeconds = Number(process.env.BENCH_SERIES_SECONDS ?? 60);
const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 120);
const concurrent = process.env.BENCH_CONCURRENT === '1';
const productPort = Number(process.env.BENCH_PORT ?? 5201);
const variants = (process.env.BENCH_HEAP_VARIANTS ?? ';--max-semi-space-size=2').split(';');

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 200 });
const skus = await stockedCartSkus(mongo.uri);
const [firstSku, , lastSku] = skus;

// A production host is ready once its Inngest engine has answered; this stand-in answers anything
// and accepts every event sent to it (as Inngest's event API answers), running no function.
const engine = createServer((request, response) => {
  request.resume();
  response.setHeader('content-type', 'application/json');
  response.end(request.method === 'POST' ? '{"ids":["bench"],"status":200}' : '{}');
});
await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
// Both hosts share one internal credential, as a cluster's cells do.
const cellServiceToken = randomBytes(32).toString('base64url');
const headers = { 'x-shop-cell-token': cellServiceToken };
const sharedEnv = {
  MONGODB_URI: mongo.uri,
  CELL_SERVICE_TOKEN: cellServiceToken,
  INNGEST_BASE_URL: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`,
  INNGEST_EVENT_KEY: randomBytes(32).toString('hex'),
};
const productHost = await startPinnedCellHost({
  port: productPort,
  env: { ...sharedEnv, CELLS: 'product', FILES_STORE: 'local' },
});

interface MemorySample {
  atSeconds: number;
  rssMiB: number;
  heapTotalMiB: number;
  heapUsedMiB: number;
  newSpaceMiB: number;
  oldSpaceMiB: number;
  codeSpaceMiB: number;
  largeObjectSpaceMiB: number;
  externalMiB: number;
  /** RSS outside V8's heap and external memory: Node and V8 themselves, malloc, stacks. */
  restMiB: number;
  /** The RSS by mapping (series samples only). */
  map?: MemoryMap;
}

const mib = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function rssBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

async function sampleMemory(
  url: string,
  pid: number | undefined,
  atSeconds: number,
  withMap = false,
): Promise<MemorySample> {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const metric = (name: string, space?: string) => {
    const prefix = space ? `${name}{space="${space}"} ` : `${name} `;
    const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
    return line ? Number(line.slice(prefix.length)) : Number.NaN;
  };
  const rss = rssBytes(pid);
  const heapTotal = metric('nodejs_heap_size_total_bytes');
  const external = metric('nodejs_external_memory_bytes');
  return {
    atSeconds: Math.round(atSeconds),
    rssMiB: mib(rss),
    heapTotalMiB: mib(heapTotal),
    heapUsedMiB: mib(metric('nodejs_heap_size_used_bytes')),
    newSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'new')),
    oldSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'old')),
    codeSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'code')),
    largeObjectSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'large_object')),
    externalMiB: mib(external),
    restMiB: mib(rss - heapTotal - external),
    ...(withMap && pid ? { map: memoryMap(pid) } : {}),
  };
}

async function call<T>(
  url: string,
  kind: 'query' | 'mutation',
  path: string,
  token: string,
  input?: unknown,
): Promise<T> {
  const query =
    kind === 'query' && input !== undefined
      ? `?input=${encodeURIComponent(JSON.stringify(input))}`
      : '';
  const response = await fetch(`${url}/trpc/${path}${query}`, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-cart-token': token },
    ...(kind === 'mutation' && { body: JSON.stringify(input) }),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Cart traffic at `rate` operations a second over `connections` guests, for `seconds`. */
function cartTraffic(url: string, tokens: string[], seconds: number) {
  let nextToken = 0;
  const withToken = (request: autocannon.Request, context: { token?: string }) => {
    context.token ??= tokens[nextToken++ % tokens.length];
    return {
      ...request,
      headers: { ...headers, ...request.headers, 'x-cart-token': context.token ?? '' },
    } as autocannon.Request;
  };
  const post = (path: string, body: (context: { quantity?: number }) => unknown) => ({
    method: 'POST' as const,
    path: `/trpc/${path}`,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: { token?: string; quantity?: number }) =>
      withToken({ ...request, body: JSON.stringify(body(context)) }, context),
  });
  return autocannon({
    url,
    headers,
    connections,
    overallRate: rate,
    duration: seconds,
    requests: [
      { method: 'GET' as const, path: '/trpc/order.cart', setupRequest: withToken },
      post('order.updateCartLine', (context) => {
        context.quantity = ((context.quantity ?? 0) % 3) + 1;
        return { sku: firstSku, quantity: context.quantity };
      }),
      post('order.removeFromCart', () => ({ sku: lastSku })),
      post('order.addToCart', () => ({ sku: lastSku, quantity: 1 })),
    ],
  });
}

/** One guest's checkout up to the placed order: 4 calls (addToCart, options, quote, place). */
async function placeOneOrder(url: string, index: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await call(url, 'mutation', 'order.addToCart', token, {
    sku: skus[index % skus.length],
    quantity: 1,
  });
  const options = await call<{ shippingMethods: { id: string }[] }>(
    url,
    'query',
    'order.checkoutOptions',
    token,
  );
  const shippingMethodId = options.shippingMethods[0]?.id ?? 'standard';
  const quote = await call<{ totalMinor: number }>(url, 'query', 'order.quote', token, {
    shippingMethodId,
    country: 'IE',
  });
  await call(url, 'mutation', 'order.place', token, {
    idempotencyKey: randomUUID(),
    email: `memory-${index}@example.com`,
    shippingAddress: benchShippingAddress,
    shippingMethodId,
    paymentMethod: 'card',
    expectedTotalMinor: quote.totalMinor,
  });
}

/** Checkouts at `ordersPerMinute` until `stopAt`; resolves with orders placed and failures. */
async function checkoutTraffic(url: string, stopAt: number) {
  const outcome = { placed: 0, failed: 0, firstFailure: undefined as string | undefined };
  if (ordersPerMinute <= 0) return outcome;
  const everyMs = 60_000 / ordersPerMinute;
  const inFlight: Promise<void>[] = [];
  for (let index = 0; Date.now() < stopAt; index += 1) {
    inFlight.push(
      placeOneOrder(url, index).then(
        () => void (outcome.placed += 1),
        (error: unknown) => {
          outcome.failed += 1;
          outcome.firstFailure ??= String(error);
        },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await Promise.all(inFlight);
  return outcome;
}

/** Least-squares slope of `value` in MiB per minute over the samples. */
function slopePerMinute(samples: MemorySample[], value: (sample: MemorySample) => number): number {
  const points = samples.map((sample) => [sample.atSeconds / 60, value(sample)] as const);
  if (points.length < 2) return Number.NaN;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return Math.round((covariance / variance) * 100) / 100;
}

/** `NAME=value` words are environment variables, the rest Node options. */
function parseVariant(variant: string): { nodeOptions: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const options: string[] = [];
  for (const word of variant.trim().split(/\s+/).filter(Boolean)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (assignment) env[assignment[1]!] = assignment[2]!;
    else options.push(word);
  }
  return { nodeOptions: options.join(' '), env };
}

async function measureVariant(variant: string, orderPort: number) {
  const { nodeOptions, env } = parseVariant(variant);
  const host = await startPinnedCellHost({
    port: orderPort,
    env: {
      ...sharedEnv,
      CELLS: 'order',
      PRODUCT_CELL_URL: productHost.url,
      ...(nodeOptions && { NODE_OPTIONS: nodeOptions }),
      ...env,
    },
  });
  try {
    const tokens = Array.from({ length: connections }, () => randomBytes(32).toString('base64url'));
    for (const token of tokens) {
      for (const sku of skus)
        await call(host.url, 'mutation', 'order.addToCart', token, { sku, quantity: 1 });
    }
    const startedAt = Date.now();
    const atSeconds = () => (Date.now() - startedAt) / 1000;
    const series: MemorySample[] = [await sampleMemory(host.url, host.pid, 0, true)];
    const cpuBefore = processCpuMs(host.pid);
    const samples: MemorySample[] = [];
    const sampler = setInterval(() => {
      void sampleMemory(host.url, host.pid, atSeconds()).then(
        (sample) => samples.push(sample),
        () => {},
      );
    }, 500);
    const seriesSampler = setInterval(() => {
      void sampleMemory(host.url, host.pid, atSeconds(), true).then(
        (sample) => {
          series.push(sample);
          // Progress on stderr, so a long run shows its trend before it ends.
          console.error(JSON.stringify({ variant: variant.trim() || 'defaults', ...sample }));
        },
        () => {},
      );
    }, seriesSeconds * 1000);
    const [result, orders] = await Promise.all([
      cartTraffic(host.url, tokens, duration),
      checkoutTraffic(host.url, startedAt + duration * 1000),
    ]);
    clearInterval(sampler);
    clearInterval(seriesSampler);
    const cpuMs = processCpuMs(host.pid) - cpuBefore;
    const last = await sampleMemory(host.url, host.pid, atSeconds(), true);
    series.push(last);
    const peak = [...samples, last].reduce((high, sample) =>
      sample.rssMiB > high.rssMiB ? sample : high,
    );
    const operations = result.requests.total + orders.placed * 4;
    const warm = series.filter((sample) => sample.atSeconds >= warmUpSeconds);
    const warmStart = warm[0];
    const grownBytesPerOperation =
      warmStart && warm.length > 1
        ? Math.round(
            ((last.rssMiB - warmStart.rssMiB) * 1024 ** 2) /
              Math.max(1, operations * ((last.atSeconds - warmStart.atSeconds) / last.atSeconds)),
          )
        : Number.NaN;
    return {
      variant: variant.trim() || '(Node defaults)',
      operationsPerSecond: Math.round(operations / Math.max(1, last.atSeconds)),
      operations,
      orders,
      hostCpuMsPerOperation: Math.round((cpuMs / Math.max(1, operations)) * 1000) / 1000,
      p97_5Ms: result.latency.p97_5,
      non2xx: result.non2xx,
      errors: result.errors,
      memory: { beforeTraffic: series[0], atPeakRss: peak, atEnd: last },
      growthAfterWarmUp: {
        fromSeconds: warmStart?.atSeconds,
        rssMiBPerMinute: slopePerMinute(warm, (sample) => sample.rssMiB),
        heapTotalMiBPerMinute: slopePerMinute(warm, (sample) => sample.heapTotalMiB),
        heapUsedMiBPerMinute: slopePerMinute(warm, (sample) => sample.heapUsedMiB),
        externalMiBPerMinute: slopePerMinute(warm, (sample) => sample.externalMiB),
        mallocArenasMiBPerMinute: slopePerMinute(
          warm,
          (sample) => (sample.map?.mainArenaMiB ?? 0) + (sample.map?.threadArenasMiB ?? 0),
        ),
        otherAnonymousMiBPerMinute: slopePerMinute(
          warm,
          (sample) => sample.map?.otherAnonymousMiB ?? 0,
        ),
        rssBytesPerOperation: grownBytesPerOperation,
      },
      series,
      loadAverage: loadAverage(),
    };
  } finally {
    await host.stop();
  }
}

const runs = [];
try {
  if (concurrent) {
    runs.push(
      ...(await Promise.all(
        variants.map((variant, index) => measureVariant(variant, productPort + 1 + index)),
      )),
    );
  } else {
    for (const variant of variants) runs.push(await measureVariant(variant, productPort + 1));
  }
} finally {
  await productHost.stop();
  engine.close();
  await mongo.stop();
}
process.stdout.write(
  `${JSON.stringify(
    {
      machine: describeMachine(),
      database: mongo.kind,
      host: process.env.BENCH_CELL_IMAGE
        ? 'cell image bundle, plain node'
        : "source through tsx (set BENCH_CELL_IMAGE for the pods' bundle)",
      ratePerSecond: rate,
      ordersPerMinute,
      connections,
      durationSeconds: duration,
      concurrent,
      runs,
    },
    null,
    2,
  )}\n`,
);
