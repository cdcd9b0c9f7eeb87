/**
 * Category listing through the product cell: `product.list` for 24 products of a category (leaf
 * categories and top-level ones, whose listing includes their subcategories), over HTTP from
 * autocannon at 50 concurrent connections, against the seeded 2,000-product demo catalog. The
 * host is pinned to ONE core, autocannon runs in this process on the other.
 *
 *   pnpm --filter @shop/bench category-listing     # defaults: 50 connections, 15 s, 2,000 products
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=30 BENCH_PRODUCTS=10000 pnpm --filter @shop/bench category-listing
 *   PRODUCT_LISTING_CACHE_MS=0 pnpm --filter @shop/bench category-listing   # every request reads the DB
 */
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import { seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 2000);
const port = Number(process.env.BENCH_PORT ?? 4901);
const url = `http://127.0.0.1:${port}`;
const categories = ['lighting', 'shirts', 'laptops', 'home', 'clothing'];

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const seedStarted = performance.now();
const seeded = await seedDemoData({ uri: mongo.uri, productCount });
const seedMs = Math.round(performance.now() - seedStarted);

const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'product',
    MONGODB_URI: mongo.uri,
  },
});

try {
  await run(3); // warm-up: JIT, connection pool
  const { result, latencies } = await run(duration);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        products: seeded.counts.products,
        inventoryItems: seeded.counts.inventoryItems,
        seedMs,
        hostPinnedToOneCore: host.pinnedToOneCore,
        connections,
        durationSeconds: duration,
        categories,
        listingCacheMs: Number(process.env.PRODUCT_LISTING_CACHE_MS ?? 1000),
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: result.latency.max,
        },
        non2xx: result.non2xx,
        errors: result.errors,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  // Requests autocannon abandoned at the end are still queued on the slow in-memory server:
  // let them finish, so the host's shutdown does not log them as failures.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await host.stop();
  await mongo.stop();
}

/** Runs autocannon, keeping every response time: its own summary has p97.5 but no p95. */
async function run(seconds: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        headers: host.headers,
        connections,
        duration: seconds,
        requests: categories.map((categorySlug) => ({
          method: 'GET' as const,
          path: `/trpc/product.list?input=${encodeURIComponent(
            JSON.stringify({ categorySlug, page: 1, pageSize: 24 }),
          )}`,
        })),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return { result, latencies };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[index] ?? 0) * 10) / 10;
}
