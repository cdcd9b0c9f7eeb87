/**
 * Server-rendered storefront pages under load: a product page and a category page (with facets),
 * both cached HTML (ISR), and a sorted view of the same category, which renders per request;
 * each hit by autocannon at 50 concurrent connections against `next start` of the production
 * build, on the e2e-style stack (every cell in one host, the seeded catalogue). Also counts how
 * many times the product cell was asked for the product while its page was hammered: the page
 * is cached by tag, so that should be about once per revalidation, not once per view.
 *
 *   pnpm --filter @shop/storefront build && pnpm --filter @shop/bench storefront-pages
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=20 pnpm --filter @shop/bench storefront-pages
 *
 * Ports 5150-5159 (override with STOREFRONT_PORT, CELLS_PORT, ...), so a dev platform can run.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startStack } from '@shop/stack';
import { describeMachine } from './machine';
import { stackCellCredentialHeaders } from './stack-cell-credential';

/** The 1-minute load average: the machine is shared, so every figure says how busy it was. */
const load = () => Number(loadavg()[0]!.toFixed(1));

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 20);

const portDefaults = {
  STOREFRONT_PORT: '5150',
  ADMIN_PORT: '5151',
  CELLS_PORT: '5152',
  LOCAL_INNGEST_PORT: '5153',
  MAIL_SMTP_PORT: '5154',
  MAIL_INBOX_PORT: '5155',
};
for (const [name, value] of Object.entries(portDefaults)) process.env[name] ??= value;
process.env.LOG_LEVEL ??= 'warn';

const cellHeaders = stackCellCredentialHeaders();
const loadAtStart = load();
const stack = await startStack('e2e');
try {
  const { product, category } = await pickPages(stack.urls.cells);
  const pages = [
    { name: 'product page', path: `/products/${product}` },
    { name: 'category page (facets)', path: `/categories/${category}` },
    { name: 'category page, sorted (per request)', path: `/categories/${category}?sort=price_asc` },
  ];
  const results = [];
  for (const page of pages) {
    const url = `${stack.urls.storefront}${page.path}`;
    // Warm-up: compiles nothing (production build) but fills the catalogue cache and JITs.
    await run(url, 3);
    // HIT: served from the page cache; absent: rendered for this request.
    const pageCache = (await fetch(url)).headers.get('x-nextjs-cache') ?? 'per request';
    const before = await procedureCount(stack.urls.cells, 'product.bySlug');
    const result = await run(url, duration);
    const after = await procedureCount(stack.urls.cells, 'product.bySlug');
    results.push({
      page: page.name,
      path: page.path,
      pageCache,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p95: Math.round(result.p95),
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      productCellBySlugCalls: after - before,
    });
  }
  console.log(
    JSON.stringify(
      {
        machine: describeMachine(),
        loadAverage1m: { atStart: loadAtStart, atEnd: load() },
        database: stack.databaseKind,
        connections,
        durationSeconds: duration,
        results,
      },
      null,
      2,
    ),
  );
} finally {
  await stack.stop();
}

/** autocannon's result, plus the p95 (the target) from every response's own latency. */
function run(url: string, seconds: number) {
  const latencies: number[] = [];
  return new Promise<autocannon.Result & { p95: number }>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      latencies.sort((a, b) => a - b);
      resolve({ ...result, p95: latencies[Math.floor(latencies.length * 0.95)] ?? NaN });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

async function query<T>(cells: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(
    `${cells}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: cellHeaders },
  );
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** A product with several variants and the biggest top-level category: realistic, not tiny. */
async function pickPages(cells: string) {
  const tree = await query<{ items: { slug: string }[] }>(cells, 'product.categoryTree', {});
  const category = tree.items[0]?.slug;
  if (!category) throw new Error('the catalogue has no categories');
  const listing = await query<{ results: { slug: string }[] }>(cells, 'search.query', {
    filters: { category },
    pageSize: 1,
  });
  const product = listing.results[0]?.slug;
  if (!product) throw new Error(`category ${category} has no products`);
  return { product, category };
}

/** How many times a procedure has been answered, from the cell host's Prometheus histogram. */
async function procedureCount(cells: string, procedure: string): Promise<number> {
  const response = await fetch(`${cells}/metrics`, { headers: cellHeaders });
  // A refused read would count nothing and pass for a perfectly cached page.
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('trpc_request_duration_seconds_count') && line.includes(`"${procedure}"`),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
