/**
 * Place order → CONFIRMED, end to end on the test processor: each of `BENCH_SHOPPERS` guests in
 * turn fills a cart (one line), quotes it, places it (`order.place`), waits for the pay form (the
 * saga reserved stock and started the payment), pays with 4242 4242 4242 4242
 * (`payment.confirmTestPayment`) and follows `order.get` (each call waiting for the order to
 * change) until the order is CONFIRMED. The time measured per order runs from sending
 * `order.place` to seeing CONFIRMED: the saga's steps on the Inngest executor, the cross-cell
 * calls, and the shopper's own payment call. Beside latency it reports the CPU time per order of
 * the host, the executor and this process, and the calls one order makes (from /metrics).
 *
 * One host serves auth, product, order and payment, pinned to ONE core; the local Inngest
 * executor (its own process) and the shoppers (this process, with the in-memory database when
 * that is the one in use) run on the other. Targets (issue 17): under 100 ms of host + executor
 * CPU per order, and p95 under 500 ms with 5 shoppers.
 *
 *   pnpm --filter @shop/bench place-order     # defaults: 5 shoppers, 150 orders
 *   BENCH_SHOPPERS=10 BENCH_ORDERS=300 pnpm --filter @shop/bench place-order
 *   BENCH_POLL_MS=50 pnpm --filter @shop/bench place-order     # poll instead of waiting
 *   BENCH_CPU_PROF=/tmp/prof pnpm --filter @shop/bench place-order   # V8 CPU profiles
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { resolveMongo } from '@shop/db/mongo';
import { productModels } from '@shop/db/product';
import { seedDemoData } from '@shop/db/seed';
import { fromRoot } from '@shop/stack/repo-root';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';
import { loadAverage, ownCpuMs, processCpuMs } from './process-cpu';
import { countsByLabel, perUnit } from './prometheus-counts';
import { benchShippingAddress } from './shopper-address';

const shoppers = Number(process.env.BENCH_SHOPPERS ?? 5);
const orderCount = Number(process.env.BENCH_ORDERS ?? 150);
const warmUpOrders = 10;
const port = Number(process.env.BENCH_PORT ?? 5201);
const executorPort = Number(process.env.BENCH_EXECUTOR_PORT ?? 5202);
const url = `http://127.0.0.1:${port}`;
// How the shopper follows the saga: by default `order.get` with `waitForChange` (the call
// answers when the order changes); BENCH_POLL_MS=50 polls every 50 ms instead (the old way).
const pollMs = process.env.BENCH_POLL_MS ? Number(process.env.BENCH_POLL_MS) : undefined;
// V8 CPU profiles of the host and the executor, written when they exit (`--cpu-prof`).
const cpuProfileDir = process.env.BENCH_CPU_PROF;
const profileOptions: Record<string, string> = cpuProfileDir
  ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` }
  : {};

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 2000 });

// Ten SKUs with stock that never runs out, so every order can be confirmed.
process.env.MONGODB_URI = mongo.uri;
const { Product, InventoryItem } = productModels(
  await connectDomainDatabase('product', { uri: mongo.uri }),
);
const products = await Product.find({ status: 'active' }).sort({ slug: 1 }).limit(10).lean();
const skus = products.map((product) => product.variants[0]?.sku ?? '');
await InventoryItem.updateMany(
  { sku: { $in: skus } },
  { $set: { onHand: 1_000_000, reserved: 0, available: 1_000_000 } },
);
await closeDatabaseConnections();

// The local Inngest executor in its own process (it is not a dependency of the bench package),
// sharing the load generator's core. The host runs as in production (no dev mode), so both hold
// the same signing key: the executor signs its calls to the host and the host's sync with it,
// and the host's SDK verifies them; and the same event key, without which a production SDK
// refuses to send an event.
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
    ...profileOptions,
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const executorExited = new Promise<void>((resolve) => executor.once('exit', () => resolve()));
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
    CELLS: 'auth,product,order,payment',
    MONGODB_URI: mongo.uri,
    // Required in production for the product cell; no order stores a file.
    FILES_STORE: 'local',
    ...inngestKeys,
    INNGEST_BASE_URL: executorUrl,
    INNGEST_SYNC_ON_START: '1',
    // What the sync registers (production requires it with INNGEST_SYNC_ON_START).
    INNGEST_SERVE_ORIGIN: `http://127.0.0.1:${port}`,
    SERVICE_TOKEN_SECRET: randomBytes(24).toString('base64url'),
    ...profileOptions,
  },
}).catch(async (error: unknown) => {
  // Not left behind holding its port when the host cannot start.
  executor.kill('SIGTERM');
  await executorExited;
  throw error;
});

async function call<T>(
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  cartToken?: string,
): Promise<T> {
  const headers: Record<string, string> = { ...host.headers, 'content-type': 'application/json' };
  if (cartToken) headers['x-cart-token'] = cartToken;
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

interface OrderView {
  status: string;
  payment?: { clientSecret?: string };
  version: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One guest's checkout; resolves with the ms from `order.place` to CONFIRMED and to the pay form. */
async function checkout(index: number): Promise<{ confirmedMs: number; payFormMs: number }> {
  const cartToken = randomBytes(32).toString('base64url');
  await call(
    'mutation',
    'order.addToCart',
    { sku: skus[index % skus.length], quantity: 1 },
    cartToken,
  );
  const options = await call<{ shippingMethods: { id: string }[] }>(
    'query',
    'order.checkoutOptions',
    undefined,
  );
  const shippingMethodId = options.shippingMethods[0]?.id ?? 'standard';
  const quote = await call<{ totalMinor: number }>(
    'query',
    'order.quote',
    { shippingMethodId, country: 'IE' },
    cartToken,
  );
  const started = performance.now();
  const placed = await call<{ orderId: string; guestAccessToken?: string }>(
    'mutation',
    'order.place',
    {
      idempotencyKey: randomUUID(),
      email: `bench-${index}@example.com`,
      shippingAddress: benchShippingAddress,
      shippingMethodId,
      paymentMethod: 'card',
      expectedTotalMinor: quote.totalMinor,
    },
    cartToken,
  );
  const read = async (seen?: OrderView) => {
    if (seen && pollMs !== undefined) await sleep(pollMs);
    return call<OrderView>('query', 'order.get', {
      orderId: placed.orderId,
      accessToken: placed.guestAccessToken,
      ...(seen &&
        pollMs === undefined && {
          waitForChange: { from: seen.version, timeoutMs: 10_000 },
        }),
    });
  };
  let order = await read();
  while (!order.payment?.clientSecret) {
    if (order.status === 'CANCELLED') throw new Error(`order ${placed.orderId} was cancelled`);
    order = await read(order);
  }
  const payFormMs = performance.now() - started;
  await call('mutation', 'payment.confirmTestPayment', {
    paymentId: placed.orderId,
    clientSecret: order.payment.clientSecret,
    card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' },
  });
  while (order.status !== 'CONFIRMED') {
    if (order.status === 'CANCELLED') throw new Error(`order ${placed.orderId} was cancelled`);
    order = await read(order);
  }
  return { confirmedMs: performance.now() - started, payFormMs };
}

async function run(total: number) {
  const results: { confirmedMs: number; payFormMs: number }[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: shoppers }, async () => {
      while (next < total) {
        const index = next++;
        results.push(await checkout(index));
        if (process.env.BENCH_TRACE && results.length % 10 === 0)
          process.stderr.write(
            `${results.length} ${Math.round(results.at(-1)?.confirmedMs ?? 0)} ${Math.round(results.at(-1)?.payFormMs ?? 0)}\n`,
          );
      }
    }),
  );
  return { results, seconds: (performance.now() - began) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0,
  );
}

/** What each process has used so far, and what the host and executor have counted. */
async function snapshot() {
  const [hostMetrics, executorMetrics] = await Promise.all([
    fetch(`${url}/metrics`, { headers: host.headers }).then((response) => response.text()),
    fetch(`${executorUrl}/metrics`, {
      headers: { authorization: `Bearer ${inngestKeys.INNGEST_SIGNING_KEY}` },
    }).then((response) => response.text()),
  ]);
  return {
    hostCpuMs: processCpuMs(host.pid),
    executorCpuMs: processCpuMs(executor.pid),
    // The shoppers' HTTP clients and, in this process, the in-memory database when it is used.
    benchCpuMs: ownCpuMs(),
    procedures: countsByLabel(hostMetrics, 'trpc_request_duration_seconds_count', 'procedure'),
    hostRequests: countsByLabel(hostMetrics, 'cell_host_responses_total', 'kind'),
    appCalls: countsByLabel(
      executorMetrics,
      'inngest_local_app_call_duration_seconds_count',
      'function',
    ),
    runs: countsByLabel(executorMetrics, 'inngest_local_runs_ended_total', 'function'),
    // The host's MongoDB commands (all four cells' databases), by database and by command.
    hostCommandsByDatabase: countsByLabel(
      hostMetrics,
      'mongodb_command_duration_seconds_count',
      'database',
    ),
    hostCommandsByCommand: countsByLabel(
      hostMetrics,
      'mongodb_command_duration_seconds_count',
      'command',
    ),
    // Absent (an empty map) from executors that do not count their commands.
    executorCommands: countsByLabel(
      executorMetrics,
      'inngest_local_database_commands_total',
      'command',
    ),
    // Absent from executors that count by command only.
    executorCommandsByCollection: countsByLabel(
      executorMetrics,
      'inngest_local_database_commands_total',
      'collection',
    ),
  };
}

try {
  await run(warmUpOrders); // JIT, connection pools, the service token
  const loadBefore = loadAverage();
  const before = await snapshot();
  const { results, seconds } = await run(orderCount);
  const after = await snapshot();
  const orders = results.length;
  const cpuPerOrder = (key: 'hostCpuMs' | 'executorCpuMs' | 'benchCpuMs') =>
    Number(((after[key] - before[key]) / orders).toFixed(1));
  const confirmed = results.map((result) => result.confirmedMs);
  const payForm = results.map((result) => result.payFormMs);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        hostPinnedToOneCore: host.pinnedToOneCore,
        shoppers,
        orders: results.length,
        ordersPerSecond: Number((results.length / seconds).toFixed(1)),
        placeToConfirmedMs: {
          p50: percentile(confirmed, 50),
          p95: percentile(confirmed, 95),
          p99: percentile(confirmed, 99),
          max: Math.round(Math.max(...confirmed)),
        },
        placeToPayFormMs: { p50: percentile(payForm, 50), p95: percentile(payForm, 95) },
        loadAverage: { before: loadBefore, after: loadAverage() },
        // CPU time per order (the whole checkout: cart, quote, place, polls, pay, the saga).
        cpuMsPerOrder: {
          host: cpuPerOrder('hostCpuMs'),
          executor: cpuPerOrder('executorCpuMs'),
          hostAndExecutor: Number(
            (cpuPerOrder('hostCpuMs') + cpuPerOrder('executorCpuMs')).toFixed(1),
          ),
          benchProcess: cpuPerOrder('benchCpuMs'),
        },
        perOrder: {
          hostRequestsByKind: perUnit(before.hostRequests, after.hostRequests, orders),
          procedureCalls: perUnit(before.procedures, after.procedures, orders),
          hostDatabaseCommandsByDatabase: perUnit(
            before.hostCommandsByDatabase,
            after.hostCommandsByDatabase,
            orders,
          ),
          hostDatabaseCommandsByCommand: perUnit(
            before.hostCommandsByCommand,
            after.hostCommandsByCommand,
            orders,
          ),
          executorCallsByFunction: perUnit(before.appCalls, after.appCalls, orders),
          runsEndedByFunction: perUnit(before.runs, after.runs, orders),
          executorDatabaseCommands: perUnit(
            before.executorCommands,
            after.executorCommands,
            orders,
          ),
          executorDatabaseCommandsByCollection: perUnit(
            before.executorCommandsByCollection,
            after.executorCommandsByCollection,
            orders,
          ),
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await host.stop();
  executor.kill('SIGTERM');
  await executorExited;
  await mongo.stop();
}
