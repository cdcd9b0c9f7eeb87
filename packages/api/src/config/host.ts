import { createPublicKey } from 'node:crypto';
import { dbShape } from '@shop/db/config';
import { defineConfig, envValue, type Env } from '@shop/env';
import { z } from 'zod';
import type { Domain } from '../domains';
import { hostedCellsFromEnv } from '../host/hosted-cells-from-env';
import { cellServiceTokenRule, commonRules, commonShape } from './common';

const hostedCells = envValue.text().transform((value, context): Domain[] | 'all' => {
  try {
    return hostedCellsFromEnv(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/**
 * How long the order saga waits for a card payment: an Inngest duration (`45s`, `10m`, `1h`) or
 * a number of seconds. Default 10 minutes, below the 15-minute stock hold. Anything else stops
 * the host: it used to fall back to 10 minutes without a word.
 */
const paymentTimeout = envValue.text().transform((value, context): string => {
  if (value === undefined) return '10m';
  if (/^[1-9]\d*[smh]$/.test(value)) return value;
  if (/^[1-9]\d*$/.test(value)) return `${value}s`;
  context.addIssue({
    code: 'custom',
    message: 'must be a duration such as 45s, 10m or 1h, or a whole number of seconds',
  });
  return z.NEVER;
});

/** A lifecycle email's wait, as an Inngest duration in seconds to days (`30s`, `4h`, `14d`). */
/** A base64 DER (SPKI) elliptic-curve public key, as mail providers show their signing keys. */
function isEcPublicKey(base64: string): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(base64, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return key.asymmetricKeyType === 'ec';
  } catch {
    return false;
  }
}

function lifecycleDelay(fallback: string) {
  return envValue.text().transform((value, context): string => {
    if (value === undefined) return fallback;
    if (/^[1-9]\d*[smhd]$/.test(value)) return value;
    context.addIssue({ code: 'custom', message: 'must be a duration such as 30s, 4h or 14d' });
    return z.NEVER;
  });
}

/**
 * Every variable a cell host and the cells it hosts read. Keys are the variables' names, so a
 * value is found by grepping its name; numbers and switches arrive parsed, defaults applied.
 */
export const hostShape = {
  ...commonShape,
  // The host
  CELLS: hostedCells,
  PORT: envValue.port(4000),
  HOST: envValue.text().default('0.0.0.0'),
  SHUTDOWN_GRACE_MS: envValue.integer(10_000),
  SHOP_VERSION: envValue.text().default('0.0.0'),
  CROSS_CELL_TIMEOUT_MS: envValue.integer(10_000, 1),
  INNGEST_SYNC_ON_START: envValue.flag(),
  // The Inngest SDK reads these itself; listed so a typo'd value is caught here.
  INNGEST_BASE_URL: envValue.url(),
  INNGEST_DEV: envValue.text(),
  INNGEST_EVENT_KEY: envValue.text(),
  INNGEST_SIGNING_KEY: envValue.text(),
  /**
   * The previous signing key while the Inngest server switches to a new one: requests signed with
   * either are accepted, so the key rotates without downtime.
   */
  INNGEST_SIGNING_KEY_FALLBACK: envValue.text(),
  /**
   * The origin the Inngest server reaches this host at (`http://order.shop.svc.cluster.local:4000`):
   * a sync registers `<origin>/api/inngest/<cell>`. Unset, the SDK registers the URL the sync was
   * called on, which for INNGEST_SYNC_ON_START is this host's own loopback address.
   */
  INNGEST_SERVE_ORIGIN: envValue.url(),
  // @shop/db (its own config module reads them again, with the same rules)
  ...dbShape,
  LOG_LEVEL: commonShape.LOG_LEVEL,
  /** A second token `/metrics` also accepts (Prometheus), so the scraper need not hold the internal credential. */
  METRICS_TOKEN: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  // Service identity (auth and order cells)
  SERVICE_TOKEN_SECRET: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  // auth
  AUTH_BCRYPT_COST: envValue.integer(12, 10, 15),
  AUTH_KEY_ACTIVATION_DELAY_MS: envValue.integer(65_000),
  AUTH_JWKS_COOLDOWN_MS: envValue.integer(30_000),
  // payment
  STRIPE_SECRET_KEY: envValue.text(),
  STRIPE_PUBLISHABLE_KEY: envValue.text(),
  STRIPE_WEBHOOK_SECRET: envValue.text(),
  STRIPE_API_HOST: envValue.text(),
  STRIPE_API_PORT: envValue.text(),
  STRIPE_API_PROTOCOL: envValue.text().pipe(z.enum(['http', 'https']).optional()),
  /** Production without Stripe keys: the built-in test processor, only when switched on. */
  PAYMENTS_TEST_MODE: envValue.flag(),
  // notification
  SMTP_URL: envValue
    .text()
    .refine(
      (value) => !value || (URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol)),
      {
        message: 'must be an smtp:// or smtps:// URL',
      },
    ),
  MAIL_FROM: envValue
    .text()
    .refine((value) => value === undefined || value.length >= 3, {
      message: 'must be a sender such as Shop <no-reply@example.com>',
    })
    .default('Shop <no-reply@shop.localhost>'),
  STOREFRONT_PUBLIC_URL: envValue.url(),
  /**
   * Signs the links in marketing mail (unsubscribe, newsletter confirmation) with HMAC-SHA256.
   * Unset outside production: a random one per process (links then die with the process).
   */
  MAIL_LINK_SECRET: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  /** Bearer token of the mail provider's bounce and complaint reports; unset: reports answer 503. */
  MAIL_EVENTS_TOKEN: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  /**
   * SendGrid's Event Webhook verification key (Mail Settings; base64 DER, public): bounces and
   * spam reports at /webhooks/mail-events/sendgrid. Unset: that route answers 503.
   */
  SENDGRID_WEBHOOK_PUBLIC_KEY: envValue.text().refine((value) => !value || isEcPublicKey(value), {
    message: 'must be the base64 public key SendGrid shows for the signed Event Webhook',
  }),
  /** How long a cart with a known email waits before its one reminder (Inngest duration). */
  ABANDONED_CART_DELAY: envValue.text().transform((value, context): string => {
    if (value === undefined) return '4h';
    if (/^[1-9]\d*[smhd]$/.test(value)) return value;
    context.addIssue({ code: 'custom', message: 'must be a duration such as 30m, 4h or 1d' });
    return z.NEVER;
  }),
  /** Campaign emails a second (notification cell, send-campaign); the provider's limit sets it. */
  CAMPAIGN_SEND_RATE: envValue.integer(10, 1, 10_000),
  // review: the wait after delivery before the review request, and before its one reminder
  REVIEW_REQUEST_DELAY: lifecycleDelay('14d'),
  REVIEW_REMINDER_DELAY: lifecycleDelay('7d'),
  // product
  STOREFRONT_INTERNAL_URL: envValue.url(),
  REVALIDATE_SECRET: envValue.text(),
  PRODUCT_SKU_DETAILS_CACHE_MS: envValue.integer(1000),
  PRODUCT_LISTING_CACHE_MS: envValue.integer(1000),
  RESERVATION_TTL_SECONDS: envValue.integer(15 * 60, 1),
  // files (product images; files/file-store-for-cell.ts)
  FILES_STORE: envValue.text().pipe(z.enum(['local', 's3']).default('local')),
  /** The local store's folder; default `.data/files` at the repository root. */
  FILES_LOCAL_DIR: envValue.text(),
  FILES_S3_BUCKET: envValue.text(),
  FILES_S3_REGION: envValue.text().default('auto'),
  FILES_S3_ENDPOINT: envValue.url(),
  FILES_S3_FORCE_PATH_STYLE: envValue.flag(),
  /** Both or neither; neither: the AWS SDK's default chain (AWS_* variables, web identity, instance role). */
  FILES_S3_ACCESS_KEY_ID: envValue.text(),
  FILES_S3_SECRET_ACCESS_KEY: envValue.text(),
  // order
  ORDER_LOOKUP_FAILURE_LIMIT: envValue.integer(10, 1),
  /** How long a cart trusts the order cell's copy of a SKU's price and stock (0: never). */
  ORDER_CART_PRICES_MAX_AGE_MS: envValue.integer(60_000),
  ORDER_PAYMENT_TIMEOUT: paymentTimeout,
  /**
   * How long past its payment timeout an order may stay unsettled before the minute's sweep takes
   * its saga as lost (default 2 minutes; the short fault test sets seconds).
   */
  ORDER_STALE_GRACE_MS: envValue.integer(120_000, 1),
  // analytics
  /** How old today's rollup may be when a report reads it before it is rebuilt first. */
  ANALYTICS_TODAY_FRESHNESS_MS: envValue.integer(30_000, 1),
  // search
  SEARCH_POLL_INTERVAL_MS: envValue.optionalInteger(1),
  SEARCH_RECONCILE_INTERVAL_MS: envValue.optionalInteger(1),
} as const;

function hosts(env: Env, cell: Domain): boolean {
  try {
    const cells = hostedCellsFromEnv(env.CELLS);
    return cells === 'all' || cells.includes(cell);
  } catch {
    return false; // reported by the schema
  }
}

const missing = (env: Env, name: string) => !env[name]?.trim();

/**
 * Production rules: a forgotten setting stops the host at start instead of picking a development
 * default (all nine cells, 127.0.0.1 URLs, the test payment processor, unsent revalidations).
 */
export function hostRules(env: Env): string[] {
  if (!envValue.isProductionRuntime(env)) return [];
  const problems = [...commonRules(env), ...cellServiceTokenRule(env)];
  const need = (cell: Domain, name: string, why: string) => {
    if (hosts(env, cell) && missing(env, name))
      problems.push(`${name}: required in production by the ${cell} cell (${why})`);
  };
  if (missing(env, 'CELLS'))
    problems.push('CELLS: required in production (a list such as `product,search`, or `all`)');
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET']) {
    if (hosts(env, 'payment') && missing(env, name) && !envValue.isOn(env.PAYMENTS_TEST_MODE))
      problems.push(
        `${name}: required in production by the payment cell; PAYMENTS_TEST_MODE=1 takes test payments instead (no card is charged)`,
      );
  }
  need('notification', 'STOREFRONT_PUBLIC_URL', 'the origin of links in emails');
  need('notification', 'SMTP_URL', 'the mail provider');
  need(
    'notification',
    'MAIL_LINK_SECRET',
    'it signs the unsubscribe and confirmation links in emails',
  );
  need('review', 'MAIL_LINK_SECRET', 'it signs and checks the links in review request emails');
  need('product', 'STOREFRONT_INTERNAL_URL', "where it expires the storefront's cached pages");
  need('product', 'REVALIDATE_SECRET', "the storefront's /api/revalidate bearer token");
  need('auth', 'SERVICE_TOKEN_SECRET', 'service tokens for saga steps');
  // A local folder is one pod's disk: replicas would each see their own images.
  need(
    'product',
    'FILES_STORE',
    'where product images are kept: s3, or local with a shared volume',
  );
  need('order', 'SERVICE_TOKEN_SECRET', 'its saga steps call other cells');
  need(
    'review',
    'SERVICE_TOKEN_SECRET',
    'it asks the order cell about purchases and writes rating summaries onto products',
  );
  // The Inngest endpoints answer without the internal credential (the Inngest server cannot send
  // it); what protects them is the SDK checking each request's signature, which it does only
  // outside dev mode and with the signing key.
  if (missing(env, 'INNGEST_SIGNING_KEY'))
    problems.push(
      "INNGEST_SIGNING_KEY: required in production (the cells' Inngest endpoints accept only requests signed with it)",
    );
  if (envValue.isOn(env.INNGEST_SYNC_ON_START) && missing(env, 'INNGEST_SERVE_ORIGIN'))
    problems.push(
      "INNGEST_SERVE_ORIGIN: required in production with INNGEST_SYNC_ON_START (the sync would register this host's loopback address, which the Inngest server cannot reach)",
    );
  if (env.INNGEST_DEV?.trim() && !['0', 'false'].includes(env.INNGEST_DEV.trim().toLowerCase()))
    problems.push(
      'INNGEST_DEV: must be 0 or unset in production (dev mode runs functions for unsigned requests)',
    );
  if (env.FILES_STORE?.trim() === 's3' && missing(env, 'FILES_S3_BUCKET'))
    problems.push('FILES_S3_BUCKET: required with FILES_STORE=s3');
  return problems;
}

/** The cell host's configuration, parsed on first use (host/main.ts calls it first thing). */
export const hostConfig = defineConfig({
  processName: 'cell host',
  schema: z.object(hostShape),
  rules: hostRules,
  source: () => process.env,
});

export type HostConfig = ReturnType<typeof hostConfig>;

/**
 * The host's environment as raw strings, after hostConfig() accepted it: for the few functions
 * written against raw values (they take an `env` record so tests can hand them one).
 */
export function hostEnv(): NodeJS.ProcessEnv {
  hostConfig();
  return process.env;
}
