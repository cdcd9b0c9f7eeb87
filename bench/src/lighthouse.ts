/**
 * Lighthouse (mobile: its default emulated phone, simulated slow 4G and 4x CPU slowdown)
 * performance score of the storefront's home page and a product page, against `next start` of
 * the production build on the e2e-style stack. Each page is measured three times; the median
 * counts (single Lighthouse runs vary by a few points).
 *
 *   pnpm --filter @shop/storefront build && pnpm --filter @shop/bench lighthouse
 *
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium. Ports 5160-5169 (STOREFRONT_PORT, ...).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStack } from '@shop/stack';
import { describeMachine } from './machine';
import { stackCellCredentialHeaders } from './stack-cell-credential';

/** The 1-minute load average: the machine is shared, so every figure says how busy it was. */
const load = () => Number(loadavg()[0]!.toFixed(1));

const runsPerPage = Number(process.env.BENCH_RUNS ?? 3);
const chromePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));

const portDefaults = {
  STOREFRONT_PORT: '5160',
  ADMIN_PORT: '5161',
  CELLS_PORT: '5162',
  LOCAL_INNGEST_PORT: '5163',
  MAIL_SMTP_PORT: '5164',
  MAIL_INBOX_PORT: '5165',
};
for (const [name, value] of Object.entries(portDefaults)) process.env[name] ??= value;
process.env.LOG_LEVEL ??= 'warn';

const loadAtStart = load();
const cellHeaders = stackCellCredentialHeaders();
const stack = await startStack('e2e');
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
try {
  const product = await firstProductSlug(stack.urls.cells);
  const pages = [
    { name: 'home', path: '/' },
    { name: 'product page', path: `/products/${product}` },
  ];
  const results = [];
  for (const page of pages) {
    const url = `${stack.urls.storefront}${page.path}`;
    await fetch(url); // fills the catalogue cache: measure the page, not a cold cell read
    const runs = [];
    for (let run = 0; run < runsPerPage; run++) {
      const outcome = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      const lhr = outcome?.lhr;
      if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
      const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      runs.push({
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        scriptKb: Math.round(
          ((
            lhr.audits['resource-summary']?.details as
              { items?: { resourceType: string; transferSize: number }[] } | undefined
          )?.items?.find((item) => item.resourceType === 'script')?.transferSize ?? 0) / 1024,
        ),
      });
    }
    const sorted = [...runs].sort((a, b) => a.score - b.score);
    results.push({
      page: page.name,
      path: page.path,
      median: sorted[Math.floor(sorted.length / 2)],
      runs,
    });
  }
  console.log(
    JSON.stringify(
      {
        machine: describeMachine(),
        loadAverage1m: { atStart: loadAtStart, atEnd: load() },
        database: stack.databaseKind,
        lighthouse: 'mobile defaults (simulated throttling)',
        results,
      },
      null,
      2,
    ),
  );
} finally {
  chrome.kill();
  await stack.stop();
}

async function firstProductSlug(cells: string): Promise<string> {
  const response = await fetch(
    `${cells}/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ pageSize: 1, filters: {} }))}`,
    { headers: cellHeaders },
  );
  const body = (await response.json()) as { result?: { data: { results: { slug: string }[] } } };
  const slug = body.result?.data.results[0]?.slug;
  if (!slug) throw new Error('no product to measure');
  return slug;
}
