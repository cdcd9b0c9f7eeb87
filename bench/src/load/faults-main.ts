/**
 * Faults under load: while a modest shoppers' mix runs (each cell in its own host), SIGKILL each
 * cell host in turn and restart it, SIGKILL the Inngest executor and restart it, and cut the
 * database off for 10 s. Checks that calls to the dead part fail fast with 503 while the others
 * keep answering, then, once orders settle, reconciles orders, reservations, stock and payments,
 * and sent mail against the SMTP capture (reconcile.ts). Exits 1 on any finding.
 *
 *   pnpm --filter @shop/bench load:faults               # every host (about 6-8 min)
 *   FAULTS_SHORT=1 pnpm --filter @shop/bench load:faults  # order, product, payment hosts,
 *                                                       # executor, database (the CI-sized one)
 *
 * The short one is this package's `e2e` script, so `pnpm test` runs it (turbo.json builds the
 * storefront first). Its only timed checks are "fast" bounds generous enough for a loaded
 * machine; every figure is printed.
 */
import { domains, type Domain } from '@shop/api/client';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { describeMachine } from '../machine';
import { productModels } from '@shop/db/product';
import {
  probeDomain,
  probePage,
  probePageContent,
  type PageProbe,
  type ProbeResult,
} from './fault-probes';
import { formatMeasurement } from './format-report';
import { pickLoadData } from './load-data';
import { loadOptions } from './load-options';
import { startLoadStack } from './load-stack';
import { measureLoad, warmUp } from './measure-load';
import { reconcile, stockBaseline } from './reconcile';

const short = process.env.FAULTS_SHORT === '1';
const options = loadOptions({ LOAD_BASE_PORT: '5800', ...process.env, LOAD_MODE: 'each' });
const rate = Number(process.env.FAULTS_RATE ?? 2);
// A dead host's 503 comes from a refused connection, at once; the bound leaves room for a
// machine at load 40 (where the storefront itself takes seconds), not for waiting on the host.
const failFastMs = Number(process.env.FAULTS_FAIL_FAST_MS ?? 5_000);
const victims: Domain[] = short ? ['order', 'product', 'payment'] : [...domains];
const began = performance.now();
const out = (text: string) => process.stdout.write(`${text}\n`);
const findings: string[] = [];
const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0)} s`;

out(`Machine: ${describeMachine()}; faults: ${short ? 'short' : 'full'}`);
// Unpaid orders of shoppers cut off mid-checkout are cancelled after 30 s, not the real 10 min,
// and an order whose saga a fault lost is swept 15 s after that, not 2 min: the minute's sweep
// still has to find and settle it, but the run no longer waits out the production grace.
const stack = await startLoadStack('each', options.LOAD_BASE_PORT, {
  ORDER_PAYMENT_TIMEOUT: '30s',
  ORDER_STALE_GRACE_MS: '15000',
});
let exitCode = 0;
try {
  const data = await pickLoadData(stack.databaseUri, stack.demoAccounts);
  await warmUp(stack, data, '/tmp/shop-load/faults/warm-up');
  const baseline = await stockBaseline(stack.databaseUri, data.skus);
  const since = new Date();
  const uncachedProduct = await lastProductSlug(stack.databaseUri);
  // The load runs for the planned faults (a host restart takes about 10-20 s on a busy machine;
  // on a loaded one the last faults may come after the load ended, which weakens nothing checked).
  // The short run keeps 90 s: at 2 visits/s and 3 % checkouts, 55 s placed one order during the
  // faults (6fba7dd's CI run) where 90 s place about seven, a cancelled one among them, for the
  // reconciliation to check.
  const loadSeconds = victims.length * (short ? 15 : 25) + (short ? 45 : 60);
  const load = measureLoad(stack, data, {
    rate,
    seconds: loadSeconds,
    runDir: '/tmp/shop-load/faults/load',
  });
  out(`[${elapsed()}] load started: ${rate} arrivals/s for ${loadSeconds} s`);

  const expectDown = (what: string, probe: ProbeResult) => {
    out(`    ${what}: ${probe.status} in ${probe.ms} ms`);
    if (probe.status !== 503 || probe.ms > failFastMs)
      findings.push(
        `${what}: expected a 503 within ${failFastMs} ms, got ${probe.status} in ${probe.ms} ms`,
      );
  };
  const expectUp = (what: string, probe: ProbeResult) => {
    out(`    ${what}: ${probe.status} in ${probe.ms} ms`);
    if (probe.status === 0 || probe.status >= 500)
      findings.push(`${what}: expected an answer, got ${probe.status} in ${probe.ms} ms`);
  };

  const expectRendered = (what: string, page: PageProbe) => {
    out(
      `    ${what}: ${page.status} in ${page.ms} ms${page.degradedNotice ? ', degraded notice' : ''}${page.errorPage ? ', ERROR PAGE' : ''}`,
    );
    if (page.status !== 200 || page.errorPage)
      findings.push(
        `${what}: expected the page (with a notice at most), got ${page.status}${page.errorPage ? ' and the error page' : ''}`,
      );
  };

  for (const domain of victims) {
    const host = stack.cellHosts.find((candidate) => candidate.name === `cells-${domain}`)!;
    await host.kill();
    out(`[${elapsed()}] SIGKILL ${host.name}`);
    const other = domain === 'search' ? 'product' : 'search';
    expectDown(
      `${domain} call while its host is down`,
      await probeDomain(stack.storefrontUrl, domain),
    );
    expectUp(
      `${other} call while ${domain} is down`,
      await probeDomain(stack.storefrontUrl, other),
    );
    expectUp(`home page while ${domain} is down`, await probePage(stack.storefrontUrl, '/'));
    const restartedAt = performance.now();
    await host.start();
    out(`    restarted in ${((performance.now() - restartedAt) / 1000).toFixed(1)} s`);
    expectUp(`${domain} call after restart`, await probeDomain(stack.storefrontUrl, domain));
  }

  await stack.executor.kill();
  out(`[${elapsed()}] SIGKILL executor`);
  expectUp('cart call while the executor is down', await probeDomain(stack.storefrontUrl, 'order'));
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await stack.executor.start();
  out(`[${elapsed()}] executor restarted`);

  out(`[${elapsed()}] database cut off for 10 s`);
  const cut = stack.gate.cutFor(10_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  // All at once, within the cut: two browser calls through the gateway, the (cached) home page,
  // and pages that must reach a cell: a product page no shopper of the load visits (not cached)
  // and a search. Each page must render (a notice at most), never the error page.
  const pagePaths = [`/products/${uncachedProduct}`, '/search?q=lamp'];
  const [duringCut, pagesDuringCut] = await Promise.all([
    Promise.all([
      probeDomain(stack.storefrontUrl, 'order'),
      probeDomain(stack.storefrontUrl, 'product'),
      probePage(stack.storefrontUrl, '/'),
    ]),
    Promise.all(pagePaths.map((path) => probePageContent(stack.storefrontUrl, path))),
  ]);
  out(
    `    during the cut: order ${duringCut[0].status} in ${duringCut[0].ms} ms, product ${duringCut[1].status} in ${duringCut[1].ms} ms, home ${duringCut[2].status} in ${duringCut[2].ms} ms`,
  );
  pagesDuringCut.forEach((page, i) => expectRendered(`${pagePaths[i]} during the cut`, page));
  for (const [what, probe] of [
    ['order call', duringCut[0]],
    ['product call', duringCut[1]],
  ] as const) {
    // The driver gives up selecting a server after 5 s; a call queued until the database came
    // back (9 s after this probe) would be a pile-up.
    if (probe.ms > 8_000)
      findings.push(
        `${what} with the database cut off took ${probe.ms} ms (status ${probe.status}): a pile-up, not a fast failure`,
      );
    else if (probe.status !== 503)
      findings.push(
        `${what} with the database cut off answered ${probe.status} in ${probe.ms} ms (a clear 503 expected)`,
      );
  }
  await cut;
  out(`[${elapsed()}] database back`);

  const measured = await load;
  out(formatMeasurement('load during the faults (errors expected)', measured));
  out(`[${elapsed()}] load done; waiting for orders to settle`);
  await waitForOrdersToSettle(stack.databaseUri, since, 120_000);
  const result = await reconcile({
    uri: stack.databaseUri,
    since,
    baseline,
    mailInboxUrl: stack.mailInboxUrl,
  });
  out(
    `[${elapsed()}] orders since the faults began: ${JSON.stringify(result.orders)}; emails recorded ${result.emails.recorded}, captured ${result.emails.captured}`,
  );
  findings.push(...result.problems.map((problem) => `reconciliation: ${problem}`));
} catch (error) {
  findings.push(
    `the fault test itself failed: ${error instanceof Error ? error.message : String(error)}`,
  );
} finally {
  await stack.stop();
}
out(`\n${findings.length === 0 ? 'No findings.' : `${findings.length} findings:`}`);
for (const finding of findings) out(`  - ${finding}`);
out(`Runtime ${elapsed()}.`);
exitCode = findings.length === 0 ? 0 : 1;
process.exit(exitCode);

/** The last product by slug: the load's shoppers visit the first 200 only (load-data.ts). */
async function lastProductSlug(uri: string): Promise<string> {
  const { Product } = productModels(await connectDomainDatabase('product', { uri }));
  try {
    const product = await Product.findOne({ status: 'active' }, { slug: 1 })
      .sort({ slug: -1 })
      .lean();
    if (!product) throw new Error('the seed has no active product');
    return product.slug;
  } finally {
    await closeDatabaseConnections();
  }
}

async function waitForOrdersToSettle(uri: string, since: Date, timeoutMs: number) {
  const { Order } = orderModels(await connectDomainDatabase('order', { uri }));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const open = await Order.countDocuments({
        createdAt: { $gte: since },
        status: { $nin: ['CONFIRMED', 'CANCELLED'] },
      });
      if (open === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    await closeDatabaseConnections();
  }
}
