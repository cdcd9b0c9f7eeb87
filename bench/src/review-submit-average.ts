/**
 * Writing a review and seeing the new average: from `review.submit` (a verified purchase with
 * clean text, so it publishes at once) until `review.summary` shows the product's new count, and
 * until the product itself (`product.bySlug`, what cards, listings and search read) does. Both
 * go through the Inngest executor: the tally function, then the summary's publication onto the
 * product. One review at a time, each on its own product; p50 and p95.
 *
 *   pnpm --filter @shop/bench review-submit-average
 *   BENCH_REVIEWS=50 pnpm --filter @shop/bench review-submit-average
 *
 * One host serves auth, product, order and review, pinned to ONE core; the local executor and
 * this load generator run on the other. The database is whatever `resolveMongo` finds (MONGODB_URI,
 * a real mongod, else the in-memory stand-in): the output names it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { resolveMongo } from '@shop/db/mongo';
import { orderModels } from '@shop/db/order';
import { productModels } from '@shop/db/product';
import { reviewModels } from '@shop/db/review';
import { seedDemoData } from '@shop/db/seed';
import { fromRoot } from '@shop/stack/repo-root';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const reviewCount = Number(process.env.BENCH_REVIEWS ?? 30);
const warmUp = 3;
const port = Number(process.env.BENCH_PORT ?? 5211);
const executorPort = Number(process.env.BENCH_EXECUTOR_PORT ?? 5212);
const url = `http://127.0.0.1:${port}`;
const pollMs = Number(process.env.BENCH_POLL_MS ?? 25);

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 2000 });

// Products without demo reviews, one per review, so each submit is a product's first review.
const { Product } = productModels(await connectDomainDatabase('product', { uri: mongo.uri }));
const { Review } = reviewModels(await connectDomainDatabase('review', { uri: mongo.uri }));
const reviewed = new Set(await Review.distinct('productSlug'));
const products = (
  await Product.find({ status: 'active', 'rating.count': 0 })
    .sort({ slug: 1 })
    .limit(reviewCount + warmUp + 50)
    .lean()
).filter((product) => !reviewed.has(product.slug));
if (products.length < reviewCount + warmUp) throw new Error('not enough unreviewed products');
const { Order } = orderModels(await connectDomainDatabase('order', { uri: mongo.uri }));

// The local Inngest executor in its own process, with the host's signing and event keys (as
// place-order.ts does).
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
const executorExited = new Promise<void>((resolve) => executor.once('exit', () => resolve()));
for (let attempt = 0; ; attempt += 1) {
  const healthy = await fetch(`${executorUrl}/health`)
    .then((response) => response.ok)
    .catch(() => false);
  if (healthy) break;
  if (attempt > 150) throw new Error('the Inngest executor never became healthy');
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'auth,product,order,review',
    MONGODB_URI: mongo.uri,
    ...inngestKeys,
    INNGEST_BASE_URL: executorUrl,
    INNGEST_SYNC_ON_START: '1',
    INNGEST_SERVE_ORIGIN: url,
    SERVICE_TOKEN_SECRET: randomBytes(24).toString('base64url'),
    // Production wants the file store named (product images, review photos); none is written.
    FILES_STORE: 'local',
    FILES_LOCAL_DIR: path.join(tmpdir(), 'shop-bench-review-files'),
  },
}).catch(async (error: unknown) => {
  executor.kill('SIGTERM');
  await mongo.stop();
  throw error;
});

async function call<T>(
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...host.headers,
    'content-type': 'application/json',
    ...extraHeaders,
  };
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new shopper with a delivered order of the product, written as the order cell leaves one. */
async function shopperWhoReceived(product: (typeof products)[number], index: number) {
  const email = `bench-reviewer-${index}-${randomBytes(4).toString('hex')}@example.com`;
  const password = `bench-reviewer-password-${randomBytes(6).toString('hex')}`;
  await call('mutation', 'auth.register', { email, password, name: 'Bench Reviewer' });
  const { accessToken, account } = await call<{
    accessToken: string;
    account: { id: string };
  }>('mutation', 'auth.login', { email, password });
  const variant = product.variants[0]!;
  const at = new Date();
  const line = {
    productId: String(product._id),
    productSlug: product.slug,
    sku: variant.sku,
    name: product.name,
    variantLabel: '',
    unitPriceMinor: variant.priceMinor,
    quantity: 1,
    lineTotalMinor: variant.priceMinor,
  };
  await Order.create({
    number: `SO-B${Date.now().toString(36)}${index}`.toUpperCase(),
    status: 'DELIVERED',
    accountId: account.id, // cast to an ObjectId by the model
    lines: [line],
    subtotalMinor: line.lineTotalMinor,
    shippingMinor: 0,
    totalMinor: line.lineTotalMinor,
    currency: 'EUR',
    shipping: { methodId: 'standard', name: 'Standard', priceMinor: 0 },
    paymentMethod: 'card',
    customer: { name: 'Bench Reviewer', email },
    shippingAddress: {
      name: 'Bench Reviewer',
      line1: '1 Load Street',
      city: 'Dublin',
      postcode: 'D02',
      country: 'IE',
    },
    deliveredAt: at,
    history: [{ to: 'DELIVERED', at, actor: { type: 'staff' }, reason: 'Delivered' }],
  });
  return accessToken;
}

/** Submits one review; resolves with the ms until the summary and the product show it. */
async function submitAndWatch(product: (typeof products)[number], index: number) {
  const token = await shopperWhoReceived(product, index);
  const started = performance.now();
  const created = await call<{ status: string }>(
    'mutation',
    'review.submit',
    {
      productSlug: product.slug,
      rating: 4,
      title: 'Does what it says',
      body: 'Arrived on time and works as described.',
    },
    token,
    // Each reviewer from an address of their own, as the storefront's gateway names them: the
    // moderation rules hold a burst of reviews from one address.
    { 'x-forwarded-for': `10.9.${(index >> 8) & 255}.${index & 255}` },
  );
  if (created.status !== 'published') throw new Error(`review ${index} was ${created.status}`);
  let summaryMs: number | null = null;
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed > 60_000) throw new Error(`review ${index}: no new average after 60 s`);
    if (summaryMs === null) {
      const summary = await call<{ count: number }>('query', 'review.summary', {
        productSlug: product.slug,
      });
      if (summary.count === 1) summaryMs = performance.now() - started;
    }
    if (summaryMs !== null) {
      const card = await call<{ rating: { count: number } }>('query', 'product.bySlug', {
        slug: product.slug,
      });
      if (card.rating.count === 1) return { summaryMs, productMs: performance.now() - started };
    }
    await sleep(pollMs);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0,
  );
}

try {
  for (let index = 0; index < warmUp; index += 1) await submitAndWatch(products[index]!, index);
  const loadBefore = loadavg()[0] ?? 0;
  const results = [];
  for (let index = warmUp; index < warmUp + reviewCount; index += 1) {
    results.push(await submitAndWatch(products[index]!, index));
  }
  const summary = results.map((result) => result.summaryMs);
  const product = results.map((result) => result.productMs);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: describeMachine(),
        loadAverage: Number((((loadavg()[0] ?? 0) + loadBefore) / 2).toFixed(1)),
        database: mongo.kind,
        hostPinnedToOneCore: host.pinnedToOneCore,
        reviews: results.length,
        submitToNewAverageMs: {
          reviewSummary: { p50: percentile(summary, 50), p95: percentile(summary, 95) },
          productCard: { p50: percentile(product, 50), p95: percentile(product, 95) },
          max: Math.round(Math.max(...product)),
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await closeDatabaseConnections();
  await host.stop();
  executor.kill('SIGTERM');
  await executorExited;
  await mongo.stop();
}
