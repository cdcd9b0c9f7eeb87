/**
 * The order cell's host under cart traffic, and what its memory is made of: the order host and the
 * product host it asks for prices, each in its own process as the pods run them (BENCH_CELL_IMAGE:
 * the cell image's bundle with plain node; else the source through tsx). Guests read and change
 * their carts at a fixed rate (`order.cart`, `order.updateCartLine`, `order.removeFromCart`,
 * `order.addToCart`, as cart-operations.ts). Each heap setting in BENCH_HEAP_VARIANTS (NODE_OPTIONS
 * values separated by `;`, an empty one meaning Node's defaults) gets a fresh order host; twice a
 * second the run reads the host's RSS from /proc and its heap's parts from its /metrics
 * (prom-client's process metrics), and reports the sample with the highest RSS, the last one, and
 * the host's CPU time per operation (a smaller young generation collects more often).
 *
 *   pnpm --filter @shop/api build:cell-image /tmp/cell-image
 *   BENCH_CELL_IMAGE=/tmp/cell-image pnpm --filter @shop/bench cell-memory-under-load
 *   BENCH_RATE=100 BENCH_SECONDS=60 BENCH_HEAP_VARIANTS=';--max-semi-space-size=2' ...
 */
import { randomBytes } from 'node:crypto';
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

const rate = Number(process.env.BENCH_RATE ?? 100);
const duration = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const productPort = Number(process.env.BENCH_PORT ?? 5201);
const orderPort = productPort + 1;
const variants = (process.env.BENCH_HEAP_VARIANTS ?? ';--max-semi-space-size=2').split(';');

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 200 });
const skus = await stockedCartSkus(mongo.uri);
const [firstSku, , lastSku] = skus;

// A production host is ready once its Inngest engine has answered; this stand-in answers anything.
const engine = createServer((_request, response) => response.end('{}'));
await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
// Both hosts share one internal credential, as a cluster's cells do.
const cellServiceToken = randomBytes(32).toString('base64url');
const headers = { 'x-shop-cell-token': cellServiceToken };
const sharedEnv = {
  MONGODB_URI: mongo.uri,
  CELL_SERVICE_TOKEN: cellServiceToken,
  INNGEST_BASE_URL: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`,
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
}

const mib = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function rssBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

async function sampleMemory(url: string, pid: number | undefined, atSeconds: number) {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const metric = (name: string, space?: string) => {
    const prefix = space ? `${name}{space="${space}"} ` : `${name} `;
    const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
    return line ? Number(line.slice(prefix.length)) : Number.NaN;
  };
  const rss = rssBytes(pid);
  const heapTotal = metric('nodejs_heap_size_total_bytes');
  const external = metric('nodejs_external_memory_bytes');
  const sample: MemorySample = {
    atSeconds,
    rssMiB: mib(rss),
    heapTotalMiB: mib(heapTotal),
    heapUsedMiB: mib(metric('nodejs_heap_size_used_bytes')),
    newSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'new')),
    oldSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'old')),
    codeSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'code')),
    largeObjectSpaceMiB: mib(metric('nodejs_heap_space_size_total_bytes', 'large_object')),
    externalMiB: mib(external),
    restMiB: mib(rss - heapTotal - external),
  };
  return sample;
}

async function call(url: string, path: string, token: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-cart-token': token },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
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

async function measureVariant(nodeOptions: string) {
  const host = await startPinnedCellHost({
    port: orderPort,
    env: {
      ...sharedEnv,
      CELLS: 'order',
      PRODUCT_CELL_URL: productHost.url,
      ...(nodeOptions && { NODE_OPTIONS: nodeOptions }),
    },
  });
  try {
    const tokens = Array.from({ length: connections }, () => randomBytes(32).toString('base64url'));
    for (const token of tokens) {
      for (const sku of skus) await call(host.url, 'order.addToCart', token, { sku, quantity: 1 });
    }
    const atStart = await sampleMemory(host.url, host.pid, 0);
    const startedAt = Date.now();
    const cpuBefore = processCpuMs(host.pid);
    const samples: MemorySample[] = [];
    const sampler = setInterval(() => {
      void sampleMemory(host.url, host.pid, (Date.now() - startedAt) / 1000).then(
        (sample) => samples.push(sample),
        () => {},
      );
    }, 500);
    const result = await cartTraffic(host.url, tokens, duration);
    clearInterval(sampler);
    const cpuMs = processCpuMs(host.pid) - cpuBefore;
    const last = await sampleMemory(host.url, host.pid, (Date.now() - startedAt) / 1000);
    const peak = [...samples, last].reduce((high, sample) =>
      sample.rssMiB > high.rssMiB ? sample : high,
    );
    return {
      nodeOptions: nodeOptions || '(Node defaults)',
      operationsPerSecond: Math.round(result.requests.average),
      operations: result.requests.total,
      hostCpuMsPerOperation: Math.round((cpuMs / Math.max(1, result.requests.total)) * 1000) / 1000,
      p97_5Ms: result.latency.p97_5,
      non2xx: result.non2xx,
      errors: result.errors,
      memory: { beforeTraffic: atStart, atPeakRss: peak, atEnd: last },
      loadAverage: loadAverage(),
    };
  } finally {
    await host.stop();
  }
}

const runs = [];
try {
  for (const variant of variants) runs.push(await measureVariant(variant.trim()));
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
      connections,
      durationSeconds: duration,
      runs,
    },
    null,
    2,
  )}\n`,
);
