/**
 * The back office's product table at 100,000 products: `product.adminList` over HTTP, as the
 * admin calls it, for typical combinations of filter, sort, search and page, against the seeded
 * demo catalogue at that size. Requests go one at a time (a merchant's table, not a crowd), so
 * each time is the procedure's own: p50 and p95 per combination. The cell host (auth + product,
 * `NODE_ENV=production`) runs in its own process pinned to one core.
 *
 *   pnpm --filter @shop/bench admin-product-list                # 100,000 products, 12 requests each
 *   BENCH_PRODUCTS=20000 BENCH_REQUESTS=20 pnpm --filter @shop/bench admin-product-list
 *   MONGODB_URI=mongodb://127.0.0.1:27017/?replicaSet=rs0 pnpm --filter @shop/bench admin-product-list
 *   BENCH_SKIP='low stock' ...   # combinations whose name matches this pattern are left out
 *
 * Without MONGODB_URI the database is whatever `resolveMongo` finds (a real mongod when one is
 * installed or downloadable, else the in-memory stand-in): the output names it.
 */
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveMongo } from '@shop/db/mongo';
import { demoPassword, seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const productCount = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const requestsPer = Number(process.env.BENCH_REQUESTS ?? 12);
const port = Number(process.env.BENCH_PORT ?? 4902);
const url = `http://127.0.0.1:${port}`;

/** What staff typically do with the table (inputs as the admin's catalogue page sends them). */
const combinations: { name: string; input: Record<string, unknown> }[] = [
  { name: 'first page (recently changed first)', input: {} },
  { name: 'active, name A-Z', input: { status: 'active', sort: 'name_asc' } },
  { name: 'search "lamp"', input: { q: 'lamp' } },
  { name: 'search a SKU "LIG-00012"', input: { q: 'LIG-00012' } },
  {
    name: 'category "home" (and below), price low-high',
    input: { categorySlug: 'home', sort: 'price_asc' },
  },
  { name: 'brand "Northlight", newest', input: { brand: 'Northlight', sort: 'newest' } },
  { name: 'out of stock', input: { stock: 'out_of_stock' } },
  { name: 'low stock', input: { stock: 'low_stock' } },
  { name: 'page 200 (deep)', input: { page: 200 } },
];

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
// The host first: a refused configuration shows before minutes of seeding.
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'auth,product',
    MONGODB_URI: mongo.uri,
    PRODUCT_LISTING_CACHE_MS: '0',
    // Any answer makes the engine "reachable" for readiness; no event is sent by these reads.
    INNGEST_BASE_URL: url,
    FILES_STORE: 'local',
    FILES_LOCAL_DIR: join(tmpdir(), 'bench-admin-product-list-files'),
  },
});
const seedStarted = performance.now();
const seeded = await seedDemoData({ uri: mongo.uri, productCount });
const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);

/** Staff access tokens last 5 minutes: a fresh one per combination. */
async function signIn(): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...host.headers },
    body: JSON.stringify({ email: 'catalog@example.com', password: demoPassword }),
  });
  const body = (await response.json()) as { result?: { data?: { accessToken?: string } } };
  const token = body.result?.data?.accessToken;
  if (!token) throw new Error(`sign-in failed: ${response.status}`);
  return token;
}

async function timedList(input: Record<string, unknown>, token: string) {
  const started = performance.now();
  const response = await fetch(
    `${url}/trpc/product.adminList?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: { ...host.headers, authorization: `Bearer ${token}` } },
  );
  const body = (await response.json()) as { result?: { data?: { totalCount: number } } };
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`adminList ${JSON.stringify(input)}: ${response.status}`);
  return { ms, totalCount: body.result?.data?.totalCount ?? 0 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[index] ?? 0);
}

// The stand-in can take many minutes on one combination (docs/benchmarks.md): skip it by name.
const skipped = process.env.BENCH_SKIP ? new RegExp(process.env.BENCH_SKIP, 'i') : null;

const results = [];
try {
  for (const { name, input } of combinations.filter((each) => !skipped?.test(each.name))) {
    const token = await signIn();
    const loadBefore = loadavg()[0] ?? 0;
    await timedList(input, token); // warm-up: JIT, connection pool, caches
    const times: number[] = [];
    let totalCount = 0;
    for (let i = 0; i < requestsPer; i += 1) {
      const answer = await timedList(input, token);
      times.push(answer.ms);
      totalCount = answer.totalCount;
    }
    const row = {
      combination: name,
      input,
      matching: totalCount,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.round(Math.max(...times)),
      loadAverage: Number((((loadavg()[0] ?? 0) + loadBefore) / 2).toFixed(1)),
    };
    results.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        products: seeded.counts.products,
        inventoryItems: seeded.counts.inventoryItems,
        seedSeconds,
        hostPinnedToOneCore: host.pinnedToOneCore,
        requestsPerCombination: requestsPer,
        skipped: combinations.filter((each) => skipped?.test(each.name)).map((each) => each.name),
        listingCache: 'off (adminList is never cached)',
        results,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await host.stop();
  await mongo.stop();
}
