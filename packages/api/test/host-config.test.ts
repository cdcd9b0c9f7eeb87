import { ConfigError } from '@shop/env';
import { afterAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { allowedOriginsFrom, appServerConfig } from '../src/config/app-server';
import { hostConfig } from '../src/config/host';
import { request } from './support/http';
import { spawnHost, type SpawnedHost } from './support/spawn-host';

/** The problems hostConfig finds in `env`, or [] when it accepts it. */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    hostConfig.parse(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const cellCredential = 'host-config-test-credential-0123456789';
const production = {
  NODE_ENV: 'production',
  SHOP_CELL_URL: 'http://cells:4000',
  CELL_SERVICE_TOKEN: cellCredential,
  INNGEST_SIGNING_KEY: 'signkey-test-0123456789abcdef',
};

describe('the cell host configuration', () => {
  it("keeps today's defaults outside production", () => {
    const config = hostConfig.parse({});
    expect(config).toMatchObject({ CELLS: 'all', PORT: 4000, HOST: '0.0.0.0' });
    expect(config.PAYMENTS_TEST_MODE).toBe(false);
  });

  it('in production, a forgotten setting is an error, not a default', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    expect(problems).toContain('CELLS: required in production');
    expect(problems).toContain('PRODUCT_CELL_URL: required in production');
    expect(problems).toContain('AUTH_CELL_URL: required in production');
    expect(problems).toContain(
      'STOREFRONT_PUBLIC_URL: required in production by the notification cell',
    );
    expect(problems).toContain('REVALIDATE_SECRET: required in production by the product cell');
    expect(problems).toContain('SERVICE_TOKEN_SECRET: required in production by the order cell');
    expect(problems).toContain('CELL_SERVICE_TOKEN: required in production');
    expect(problems).toContain('INNGEST_SIGNING_KEY: required in production');
  });

  it('in production refuses a short internal credential and Inngest dev mode', () => {
    expect(problemsOf({ ...production, CELLS: 'analytics', CELL_SERVICE_TOKEN: 'short' })).toEqual([
      'CELL_SERVICE_TOKEN: must be at least 32 characters',
    ]);
    for (const dev of ['1', 'true', 'http://inngest:8288']) {
      expect(problemsOf({ ...production, CELLS: 'analytics', INNGEST_DEV: dev })).toEqual([
        'INNGEST_DEV: must be 0 or unset in production (dev mode runs functions for unsigned requests)',
      ]);
    }
    expect(problemsOf({ ...production, CELLS: 'analytics', INNGEST_DEV: '0' })).toEqual([]);
  });

  it('checks the payment timeout at start instead of falling back to 10 minutes', () => {
    expect(hostConfig.parse({}).ORDER_PAYMENT_TIMEOUT).toBe('10m');
    expect(hostConfig.parse({ ORDER_PAYMENT_TIMEOUT: '45s' }).ORDER_PAYMENT_TIMEOUT).toBe('45s');
    expect(hostConfig.parse({ ORDER_PAYMENT_TIMEOUT: '600' }).ORDER_PAYMENT_TIMEOUT).toBe('600s');
    for (const wrong of ['5 min', '10 m', '0', '0s', '-5', '1d']) {
      expect(problemsOf({ ORDER_PAYMENT_TIMEOUT: wrong })).toEqual([
        'ORDER_PAYMENT_TIMEOUT: must be a duration such as 45s, 10m or 1h, or a whole number of seconds',
      ]);
    }
  });

  it('asks only for what the hosted cells need', () => {
    expect(problemsOf({ ...production, CELLS: 'search,analytics' })).toEqual([]);
    expect(problemsOf({ ...production, CELLS: 'review' })).toEqual([
      'MAIL_LINK_SECRET: required in production by the review cell (it signs and checks the links in review request emails)',
      'SERVICE_TOKEN_SECRET: required in production by the review cell (it asks the order cell about purchases and writes rating summaries onto products)',
    ]);
    expect(problemsOf({ ...production, CELLS: 'product' })).toEqual([
      "STOREFRONT_INTERNAL_URL: required in production by the product cell (where it expires the storefront's cached pages)",
      "REVALIDATE_SECRET: required in production by the product cell (the storefront's /api/revalidate bearer token)",
      'FILES_STORE: required in production by the product cell (where product images are kept: s3, or local with a shared volume)',
    ]);
  });

  it('in production the payment cell needs Stripe keys unless test payments are switched on', () => {
    const problems = problemsOf({ ...production, CELLS: 'payment' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'STRIPE_SECRET_KEY',
      'STRIPE_PUBLISHABLE_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ]);
    expect(problems[0]).toContain('PAYMENTS_TEST_MODE=1');
    expect(problemsOf({ ...production, CELLS: 'payment', PAYMENTS_TEST_MODE: '1' })).toEqual([]);
    expect(
      problemsOf({
        ...production,
        CELLS: 'payment',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
      }),
    ).toEqual([]);
  });
});

describe('the cell host process', () => {
  const started: SpawnedHost[] = [];
  afterAll(async () => {
    await Promise.all(started.map((host) => host.stop('SIGKILL')));
  });

  it('exits non-zero at start printing every problem at once', async () => {
    const failure = spawnHost({
      CELLS: 'product,inventory',
      PORT: 'eighty',
      AUTH_BCRYPT_COST: '5',
      SMTP_URL: 'http://mail.example.com',
      PRODUCT_SKU_DETAILS_CACHE_MS: 'soon',
    });
    const message = await failure.then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/exited with 1 before listening/);
    expect(message).toContain('cell host: the environment is not usable (5 problems)');
    expect(message).toContain('CELLS: CELLS names unknown cells: inventory');
    expect(message).toContain('PORT: must be a whole number');
    expect(message).toContain('AUTH_BCRYPT_COST: must be at least 10');
    expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
    expect(message).toContain('PRODUCT_SKU_DETAILS_CACHE_MS: must be a whole number');
  });

  it('in production refuses to host the payment cell without Stripe keys or the test switch', async () => {
    const message = await spawnHost({
      ...production,
      CELLS: 'payment',
      STRIPE_SECRET_KEY: '',
      STRIPE_PUBLISHABLE_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
    }).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/exited with 1 before listening/);
    expect(message).toContain('STRIPE_SECRET_KEY: required in production by the payment cell');
  });

  it('in production with PAYMENTS_TEST_MODE=1 takes test payments and says so', async () => {
    const host = await spawnHost({
      ...production,
      CELLS: 'payment',
      PAYMENTS_TEST_MODE: '1',
      STRIPE_SECRET_KEY: '',
      INNGEST_BASE_URL: 'http://127.0.0.1:9',
    });
    started.push(host);
    const client = createCellClient({
      urlFor: () => `${host.url}/trpc`,
      headers: () => ({ 'x-shop-cell-token': cellCredential }),
    });
    await expect(client.payment.config.query()).resolves.toEqual({
      provider: 'test',
      testMode: true,
    });
    expect(host.logs.map((line) => line.message)).toContain(
      'PAYMENTS_TEST_MODE: payments go through the built-in test processor; no card is charged',
    );
  });

  it('in production answers procedures and /metrics only to callers holding the credential', async () => {
    const host = await spawnHost({
      ...production,
      CELLS: 'payment',
      PAYMENTS_TEST_MODE: '1',
      STRIPE_SECRET_KEY: '',
      INNGEST_BASE_URL: 'http://127.0.0.1:9',
      METRICS_TOKEN: 'host-config-test-metrics-token-0123456789',
    });
    started.push(host);
    const withCredential = { 'x-shop-cell-token': cellCredential };
    const refusal = {
      error: 'this cell answers only the platform itself (missing or wrong internal credential)',
    };

    // A public procedure, a staff one and a batch: the host refuses before any procedure runs.
    for (const path of [
      'payment.config',
      'payment.forOrder?input=%7B%7D',
      'payment.config,payment.config?batch=1',
    ]) {
      const refused = await request(`${host.url}/trpc/${path}`);
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual(refusal);
      const wrong = await request(`${host.url}/trpc/${path}`, {
        headers: { 'x-shop-cell-token': `${cellCredential}x` },
      });
      expect(wrong.status).toBe(401);
    }
    const config = await request(`${host.url}/trpc/payment.config`, { headers: withCredential });
    expect(config.status).toBe(200);

    const metrics = await request(`${host.url}/metrics`);
    expect(metrics.status).toBe(401);
    expect(metrics.text).not.toContain('process_cpu_seconds_total');
    for (const headers of [
      withCredential,
      { authorization: `Bearer ${cellCredential}` },
      { authorization: 'Bearer host-config-test-metrics-token-0123456789' },
    ]) {
      const allowed = await request(`${host.url}/metrics`, { headers });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain('process_cpu_seconds_total');
    }

    // What must stay public: the probes, Stripe's webhook (its own signature) and the Inngest
    // endpoint (the SDK refuses unsigned calls in production).
    expect((await request(`${host.url}/healthz`)).status).toBe(200);
    expect((await request(`${host.url}/readyz`)).status).not.toBe(401);
    const webhook = await request(`${host.url}/webhooks/stripe`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(webhook.status).not.toBe(401);
    const inngest = await request(`${host.url}/api/inngest/payment`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(inngest.status).not.toBe(200);
    expect(inngest.json).not.toEqual(refusal);
  });
});

describe("the apps' server configuration", () => {
  const appProblems = (env: Record<string, string>) => {
    try {
      appServerConfig.parse(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError)
        return error.problems.map((problem) => problem.split(':')[0]);
      throw error;
    }
  };
  const app = {
    NODE_ENV: 'production',
    SHOP_CELL_URL: 'http://cells:4000',
    NEXTAUTH_SECRET: 'x'.repeat(40),
    NEXTAUTH_URL: 'https://shop.example.com',
    TRUSTED_PROXY_HOPS: '1',
    CELL_SERVICE_TOKEN: cellCredential,
    SHOP_APP_ENTRY: '1',
  };

  it('in production needs the credential, its public URL, the proxy count and the entry', () => {
    expect(appProblems(app)).toEqual([]);
    const without = (name: keyof typeof app) =>
      appProblems(Object.fromEntries(Object.entries(app).filter(([key]) => key !== name)));
    expect(without('CELL_SERVICE_TOKEN')).toEqual(['CELL_SERVICE_TOKEN']);
    expect(without('NEXTAUTH_URL')).toEqual(['NEXTAUTH_URL']);
    expect(without('TRUSTED_PROXY_HOPS')).toEqual(['TRUSTED_PROXY_HOPS']);
    expect(without('SHOP_APP_ENTRY')).toEqual([
      'the app must run through its production entry (node apps/<app>/server-entry.mjs, not server.js)',
    ]);
    expect(appProblems({ ...app, TRUSTED_PROXY_HOPS: '11' })).toEqual(['TRUSTED_PROXY_HOPS']);
    expect(
      appProblems({ ...app, GATEWAY_ALLOWED_ORIGINS: 'https://shop.example.com/path' }),
    ).toEqual(['GATEWAY_ALLOWED_ORIGINS']);
  });

  it('accepts POSTs from its own origin and the configured others', () => {
    expect(
      allowedOriginsFrom(
        appServerConfig.parse({
          NEXTAUTH_URL: 'https://shop.example.com/',
          GATEWAY_ALLOWED_ORIGINS: 'https://www.shop.example.com, https://shop.example.com',
        }),
      ),
    ).toEqual(['https://shop.example.com', 'https://www.shop.example.com']);
    expect(allowedOriginsFrom(appServerConfig.parse({}))).toEqual([]);
  });
});
