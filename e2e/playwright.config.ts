import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import type { ShopTestOptions } from './tests/support/playwright';

// The e2e stack's ports (see tooling/stack/src/stack-config.ts); they differ from `pnpm dev`'s so
// the suite can run while a developer's platform is up.
const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const adminUrl = `http://127.0.0.1:${process.env.ADMIN_PORT ?? 3300}`;

// Playwright cannot download its browsers on machines without internet; Debian's chromium works.
// Elsewhere `pnpm exec playwright install chromium` provides Playwright's own build.
// Headless runs prefer Chromium's headless shell (Debian's chromium-headless-shell, the build
// Playwright itself runs headless): the full browser's headless mode also runs its own UI pages
// and a software GPU process: across the suite the shell used about 40 % less CPU
// (docs/testing.md). A headed or debugging run needs the full browser.
const headed =
  process.argv.includes('--headed') ||
  process.argv.includes('--ui') ||
  Boolean(process.env.PWDEBUG);
const systemChromium = [
  process.env.CHROMIUM_PATH,
  headed ? undefined : '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
]
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));

/**
 * Specs whose tests must have the platform to themselves: while one of them runs, no other test
 * does (the `runsAlone` option, tests/support/platform-turn.ts); every other test shares it with
 * the other worker. What they need alone:
 * - the gateway's rate-limit bucket: every browser of the suite is the one client 127.0.0.1, and
 *   these empty the app's bucket on purpose (a burst, the route fuzzer);
 * - a count over the whole shop that other specs change as they place orders or publish products:
 *   today's orders, exactly one more (analytics); a SKU's stock back to exactly what it was
 *   (checkout's declined card); the home page's new arrivals and a category's facet counts
 *   (smoke, browse).
 */
const storefrontAlone = [
  'checkout.storefront.spec.ts',
  'storefront.edge.spec.ts',
  'routes-fuzz.storefront.spec.ts',
  'storefront.smoke.spec.ts',
  'storefront.browse.spec.ts',
];
const adminAlone = [
  'admin.analytics.spec.ts',
  'routes-fuzz.admin.spec.ts',
  // Not shared state but CPU: saving a synonym updates every search replica over the whole
  // catalogue, which with another spec beside it on 2 cores outlasted the page's 5-s wait twice.
  'admin.search-merchandising.spec.ts',
];
const storefrontSpecs = /storefront\..*spec\.ts/;
const adminSpecs = /admin\..*spec\.ts/;
const storefront = { ...devices['Desktop Chrome'], baseURL: storefrontUrl };
const admin = { ...devices['Desktop Chrome'], baseURL: adminUrl };

export default defineConfig<ShopTestOptions>({
  testDir: './tests',
  fullyParallel: false,
  // Two spec files at a time, also on a 2-core machine: a test spends much of its time waiting
  // on the stack (sagas, the executor, mail), not computing. More would share the gateways'
  // per-address rate limit among more browsers. Specs make their own shoppers, products and
  // words; those that cannot run alone (above).
  workers: 2,
  globalSetup: './tests/support/platform-turn-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    // Recording a trace costs every test its DOM snapshots and screencast, failing or not: in CI
    // only the retry of a failed test records one (with its screenshot, the first failure still
    // shows what went wrong); locally, where nothing is retried, a failed test keeps its trace.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  projects: [
    {
      name: 'storefront',
      use: storefront,
      testMatch: storefrontSpecs,
      testIgnore: storefrontAlone,
    },
    { name: 'admin', use: admin, testMatch: adminSpecs, testIgnore: adminAlone },
    {
      name: 'storefront-alone',
      use: { ...storefront, runsAlone: true },
      testMatch: storefrontAlone,
    },
    { name: 'admin-alone', use: { ...admin, runsAlone: true }, testMatch: adminAlone },
  ],
  webServer: {
    // Starts database, Inngest executor, demo data, all cells and both production builds.
    command: 'shop-stack e2e',
    url: adminUrl,
    wait: { stdout: /Platform ready/ },
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
