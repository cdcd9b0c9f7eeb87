/**
 * A product page's first page of reviews when the product has 10,000 published reviews, sorted
 * by helpfulness: `review.forProduct` over HTTP as the storefront calls it (10 per page), one
 * request at a time, p50 and p95. Also the other sorts and a star filter for comparison. The
 * cell host (review only, `NODE_ENV=production`) runs in its own process pinned to one core.
 *
 *   pnpm --filter @shop/bench review-first-page
 *   BENCH_REVIEWS=50000 BENCH_REQUESTS=50 pnpm --filter @shop/bench review-first-page
 *   MONGODB_URI=mongodb://127.0.0.1:27017/?replicaSet=rs0 pnpm --filter @shop/bench review-first-page
 *
 * Without MONGODB_URI the database is whatever `resolveMongo` finds (a real mongod when one is
 * installed or downloadable, else the in-memory stand-in): the output names it.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { resolveMongo } from '@shop/db/mongo';
import { reviewModels } from '@shop/db/review';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const reviewCount = Number(process.env.BENCH_REVIEWS ?? 10_000);
const requestsPer = Number(process.env.BENCH_REQUESTS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 4903);
const url = `http://127.0.0.1:${port}`;
const productSlug = 'bench-reviewed-lamp';

const combinations: { name: string; input: Record<string, unknown> }[] = [
  { name: 'first page, most helpful', input: { sort: 'helpful' } },
  { name: 'first page, most recent', input: { sort: 'recent' } },
  { name: 'first page, lowest rating', input: { sort: 'lowest' } },
  { name: '5 stars, most helpful', input: { sort: 'helpful', stars: [5] } },
  {
    name: 'verified only, most helpful, page 20',
    input: { sort: 'helpful', verifiedOnly: true, page: 20 },
  },
];

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const host = await startPinnedCellHost({
  port,
  env: { CELLS: 'review', MONGODB_URI: mongo.uri, INNGEST_BASE_URL: url },
});

// Reviews written straight into reviews_db, as the cell leaves them once published.
const { Review } = reviewModels(await connectDomainDatabase('review', { uri: mongo.uri }));
const objectIdHex = () => randomBytes(12).toString('hex');
await Review.init();
await Review.deleteMany({ productSlug });
const seedStarted = performance.now();
const productId = objectIdHex();
const epoch = Date.UTC(2026, 0, 1);
for (let start = 0; start < reviewCount; start += 1_000) {
  const batch = [];
  for (let index = start; index < Math.min(reviewCount, start + 1_000); index += 1) {
    const rating = 1 + ((index * 7) % 5);
    batch.push({
      productSlug,
      productId,
      accountId: objectIdHex(),
      rating,
      title: `Review ${index}`,
      body: `Bench review number ${index}, ${rating} stars.`,
      status: 'published',
      verified: index % 3 !== 0,
      helpfulCount: (index * 7919) % 400,
      publishedAt: new Date(epoch + index * 60_000),
      createdAt: new Date(epoch + index * 60_000),
      updatedAt: new Date(epoch + index * 60_000),
      tally: { rating, verified: index % 3 !== 0 },
      tallyVersion: 1,
    });
  }
  await Review.insertMany(batch, { ordered: false });
}
const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);

async function timedPage(input: Record<string, unknown>) {
  const started = performance.now();
  const query = encodeURIComponent(JSON.stringify({ productSlug, pageSize: 10, ...input }));
  const response = await fetch(`${url}/trpc/review.forProduct?input=${query}`, {
    headers: host.headers,
  });
  const body = (await response.json()) as { result?: { data?: { total: number } } };
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`forProduct ${JSON.stringify(input)}: ${response.status}`);
  return { ms, total: body.result?.data?.total ?? 0 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[index] ?? 0);
}

const results = [];
try {
  for (const { name, input } of combinations) {
    const loadBefore = loadavg()[0] ?? 0;
    await timedPage(input); // warm-up: JIT, connection pool
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < requestsPer; i += 1) {
      const answer = await timedPage(input);
      times.push(answer.ms);
      total = answer.total;
    }
    const row = {
      combination: name,
      matching: total,
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
        reviews: reviewCount,
        seedSeconds,
        hostPinnedToOneCore: host.pinnedToOneCore,
        requestsPerCombination: requestsPer,
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
