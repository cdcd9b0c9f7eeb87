import { ConfigError } from '@shop/env';
import { afterAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { hostConfig } from '../src/config/host';
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

const production = { NODE_ENV: 'production', SHOP_CELL_URL: 'http://cells:4000' };

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
  });

  it('asks only for what the hosted cells need', () => {
    expect(problemsOf({ ...production, CELLS: 'search,review' })).toEqual([]);
    expect(problemsOf({ ...production, CELLS: 'product' })).toEqual([
      "STOREFRONT_INTERNAL_URL: required in production by the product cell (where it expires the storefront's cached pages)",
      "REVALIDATE_SECRET: required in production by the product cell (the storefront's /api/revalidate bearer token)",
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
      INNGEST_DEV: '1',
      INNGEST_BASE_URL: 'http://127.0.0.1:9',
    });
    started.push(host);
    const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
    await expect(client.payment.config.query()).resolves.toEqual({
      provider: 'test',
      testMode: true,
    });
    expect(host.logs.map((line) => line.msg)).toContain(
      'PAYMENTS_TEST_MODE: payments go through the built-in test processor; no card is charged',
    );
  });
});
