import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The e2e stack's ports (see tooling/stack/src/stack-config.ts); they differ from `pnpm dev`'s so
// the suite can run while a developer's platform is up.
const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const adminUrl = `http://127.0.0.1:${process.env.ADMIN_PORT ?? 3300}`;

// Playwright cannot download its browsers on machines without internet; Debian's chromium works.
// Elsewhere `pnpm exec playwright install chromium` provides Playwright's own build.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
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
      use: { ...devices['Desktop Chrome'], baseURL: storefrontUrl },
      testMatch: /storefront\..*spec\.ts/,
    },
    {
      name: 'admin',
      use: { ...devices['Desktop Chrome'], baseURL: adminUrl },
      testMatch: /admin\..*spec\.ts/,
    },
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
