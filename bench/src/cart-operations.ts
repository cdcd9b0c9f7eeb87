/**
 * Cart operations through the order cell: 50 guests (each its own `x-cart-token`, a cart of three
 * lines) and 50 connections looping over reading the cart (`order.cart`), changing a quantity
 * (`order.updateCartLine`), removing a line and adding it back (`order.removeFromCart`,
 * `order.addToCart`), a connection taking the next guest each time it starts the four again. Every operation re-prices the cart from the order cell's projection of the
 * catalog; the product cell is asked (`product.skuDetails`) only for a SKU the projection lacks or
 * holds for longer than its bound (`ORDER_CART_PRICES_MAX_AGE_MS`): the run counts those calls.
 * One host serves the product and order cells, pinned to ONE core; autocannon runs in this
 * process on the other. Reports the host's CPU time per operation (/proc), which carries over
 * from a busy machine better than latency does, and the database commands the host sent per
 * operation (by command, from its /metrics). Target: p95 under 50 ms at 50 connections.
 *
 *   pnpm --filter @shop/bench cart-operations    # defaults: 50 connections, 15 s, 2,000 products
 *   BENCH_CONNECTIONS=10 BENCH_SECONDS=30 pnpm --filter @shop/bench cart-operations
 *   BENCH_CPU_PROF=/tmp/prof pnpm --filter @shop/bench cart-operations   # + a V8 CPU profile of the host
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { clockTicks } from './load/clock-ticks';
import { stockedCartSkus } from './cart-skus';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';
import { countsByLabel, perUnit } from './prometheus-counts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 2000);
const port = Number(process.env.BENCH_PORT ?? 5101);
const url = `http://127.0.0.1:${port}`;
// A V8 CPU profile of the host, written when it exits (`--cpu-prof`).
const cpuProfileDir = process.env.BENCH_CPU_PROF;
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const seeded = await seedDemoData({ uri: mongo.uri, productCount });

process.env.MONGODB_URI = mongo.uri;
const skus = await stockedCartSkus(mongo.uri);
const [firstSku, , lastSku] = skus;

// A production host is ready once its Inngest engine has answered; this stand-in answers
// anything (no event is sent during the run: no product changes).
const engine = createServer((_request, response) => response.end('{}'));
await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'product,order',
    MONGODB_URI: mongo.uri,
    // Production requires a files store for the product cell; carts never touch it.
    FILES_STORE: 'local',
    INNGEST_BASE_URL: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`,
    ...(cpuProfileDir && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` }),
  },
});

async function call(path: string, token: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...host.headers, 'content-type': 'application/json', 'x-cart-token': token },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

/**
 * The quantity each guest's first line was last set to (kept here, not in the context), so every
 * `updateCartLine` changes it (1, 2, 3, 1...) and writes, as a shopper's change does.
 */
const quantities = new Map<string, number>();

// One guest cart per connection, three lines each.
const tokens = Array.from({ length: connections }, () => randomBytes(32).toString('base64url'));
for (const token of tokens) {
  for (const sku of skus) await call('order.addToCart', token, { sku, quantity: 1 });
}

/** The 1-minute load average: the machine is shared, so every figure says how busy it was. */
const load = () => Number(loadavg()[0]?.toFixed(1) ?? 0);

/** The host's CPU time so far (user + system), ms. */
function hostCpuMs(): number {
  if (!host.pid) return Number.NaN;
  const fields = readFileSync(`/proc/${host.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** What the host's /metrics says so far: `product.skuDetails` calls, database commands by name. */
async function hostCounts(): Promise<{ skuDetailsCalls: number; commands: Map<string, number> }> {
  const text = await (await fetch(`${url}/metrics`, { headers: host.headers })).text();
  const procedures = countsByLabel(text, 'trpc_request_duration_seconds_count', 'procedure');
  return {
    skuDetailsCalls: procedures.get('product.skuDetails') ?? 0,
    commands: countsByLabel(text, 'mongodb_command_duration_seconds_count', 'command'),
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

try {
  await run(3); // warm-up: JIT, connection pool
  const loadAtStart = load();
  const [cpuBefore, countsBefore] = [hostCpuMs(), await hostCounts()];
  const ownBefore = process.cpuUsage();
  const { result, latencies, byOperation } = await run(duration);
  const ownUsed = process.cpuUsage(ownBefore);
  const [cpuAfter, countsAfter] = [hostCpuMs(), await hostCounts()];
  const operations = result.requests.total;
  const commandsPerOperation = perUnit(countsBefore.commands, countsAfter.commands, operations);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        products: seeded.counts.products,
        inventoryItems: seeded.counts.inventoryItems,
        hostPinnedToOneCore: host.pinnedToOneCore,
        loadAverage: { atStart: loadAtStart, atEnd: load() },
        connections,
        durationSeconds: duration,
        operationsPerSecond: Math.round(result.requests.average),
        operations,
        hostCpuMsPerOperation: Math.round(((cpuAfter - cpuBefore) / operations) * 1000) / 1000,
        // This process, on the other core: autocannon, and the database when it is the in-memory
        // stand-in (`database: in-memory-wire`), which then limits latency if it fills that core.
        benchProcessCpuMsPerOperation:
          Math.round(((ownUsed.user + ownUsed.system) / 1000 / operations) * 1000) / 1000,
        skuDetailsCallsPerOperation:
          Math.round(
            ((countsAfter.skuDetailsCalls - countsBefore.skuDetailsCalls) / operations) * 10_000,
          ) / 10_000,
        databaseCommandsPerOperation: {
          all: Number(
            ((total(countsAfter.commands) - total(countsBefore.commands)) / operations).toFixed(2),
          ),
          ...commandsPerOperation,
        },
        latencyMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: result.latency.max,
        },
        p95ByOperationMs: Object.fromEntries(
          Object.entries(byOperation).map(([name, values]) => [name, percentile(values, 95)]),
        ),
        non2xx: result.non2xx,
        errors: result.errors,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  // Let requests autocannon abandoned at the end finish before the host shuts down.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await host.stop();
  engine.close();
  await mongo.stop();
}

/**
 * Autocannon's per-connection context. It is cleared each time a connection starts the four
 * requests again, so a connection takes the next guest's token then (the 50 guests go round).
 */
interface ConnectionContext {
  token?: string;
}

async function run(seconds: number) {
  const latencies: number[] = [];
  const byOperation: Record<string, number[]> = {};
  let nextToken = 0;
  const withToken = (request: autocannon.Request, context: ConnectionContext) => {
    context.token ??= tokens[nextToken++ % tokens.length];
    return {
      ...request,
      headers: { ...host.headers, ...request.headers, 'x-cart-token': context.token ?? '' },
    } as autocannon.Request;
  };
  const post = (path: string, body: (context: ConnectionContext) => unknown) => ({
    method: 'POST' as const,
    path: `/trpc/${path}`,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: ConnectionContext) =>
      withToken({ ...request, body: JSON.stringify(body(context)) }, context),
  });
  const operations = ['cart', 'updateCartLine', 'removeFromCart', 'addToCart'];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        headers: host.headers,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'GET' as const,
            path: '/trpc/order.cart',
            setupRequest: withToken,
          },
          post('order.updateCartLine', (context) => {
            const token = context.token ?? '';
            const quantity = ((quantities.get(token) ?? 1) % 3) + 1;
            quantities.set(token, quantity);
            return { sku: firstSku, quantity };
          }),
          post('order.removeFromCart', () => ({ sku: lastSku })),
          post('order.addToCart', () => ({ sku: lastSku, quantity: 1 })),
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    // Each connection walks the four requests in order, so its own count names the operation.
    const answered = new Map<unknown, number>();
    instance.on('response', (client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      const index = answered.get(client) ?? 0;
      answered.set(client, index + 1);
      const name = operations[index % operations.length] ?? 'other';
      (byOperation[name] ??= []).push(responseTime);
    });
  });
  return { result, latencies, byOperation };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[index] ?? 0) * 10) / 10;
}
