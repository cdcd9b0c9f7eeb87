import { defineConfig, envValue, type Env } from '@shop/env';
import { z } from 'zod';
import { cellServiceTokenRule, commonRules, commonShape } from './common';

/** `https://shop.example.com`-shaped: a scheme, a host and maybe a port, nothing else. */
function isOrigin(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
    ? new URL(value).origin === value.replace(/\/$/, '')
    : false;
}

/**
 * What both apps' servers read through @shop/api and @shop/auth-session (the gateway, next-auth
 * sessions, cell URLs). Each app's `src/env.ts` extends it with its own variables.
 */
export const appServerShape = {
  ...commonShape,
  NEXT_PHASE: envValue.text(),
  /** Seals the next-auth session cookie (`AUTH_SECRET` is next-auth's other name for it). */
  NEXTAUTH_SECRET: envValue.text(),
  AUTH_SECRET: envValue.text(),
  /**
   * The app's public URL; `https://` makes next-auth use `__Secure-` cookies, and its origin is
   * the one the gateway accepts state-changing calls from (gateway/cross-site.ts).
   */
  NEXTAUTH_URL: envValue.url(),
  /** More origins the gateway accepts POSTs from (comma-separated), e.g. `https://www.shop.example`. */
  GATEWAY_ALLOWED_ORIGINS: envValue
    .text()
    .refine((value) => !value || value.split(',').every((entry) => isOrigin(entry.trim())), {
      message: 'must be comma-separated origins such as https://shop.example.com (no path)',
    }),
  GATEWAY_RATE_LIMIT_BURST: envValue.positiveNumber(100),
  GATEWAY_RATE_LIMIT_PER_SECOND: envValue.positiveNumber(20),
  /**
   * How many proxies in front of the app append to `X-Forwarded-For` (1: the cluster's ingress;
   * 0: nothing in front). The production entry (gateway/app-server-entry.mjs) takes the client's
   * address from that entry counted from the right, and from the socket when 0.
   */
  TRUSTED_PROXY_HOPS: envValue.integer(0, 0, 10),
  /**
   * The port of the gateway's `/metrics` (gateway/metrics-server.ts), apart from the public one;
   * unset: no metrics server (the k8s base sets 9464).
   */
  GATEWAY_METRICS_PORT: envValue
    .optionalInteger(1)
    .refine((port) => port === undefined || port <= 65_535, { message: 'must be a TCP port' }),
  /** A second token the gateway's `/metrics` accepts (as the cell hosts'), for Prometheus. */
  METRICS_TOKEN: envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  /** Set by the production entry itself (never by an operator): it ran, so the address is sound. */
  SHOP_APP_ENTRY: envValue.text(),
} as const;

export function appServerRules(env: Env): string[] {
  if (!envValue.isProductionRuntime(env)) return [];
  const problems = [...commonRules(env), ...cellServiceTokenRule(env)];
  if (!env.NEXTAUTH_SECRET?.trim() && !env.AUTH_SECRET?.trim())
    problems.push('NEXTAUTH_SECRET: required in production (it seals the sign-in session cookie)');
  if (!env.NEXTAUTH_URL?.trim())
    problems.push(
      "NEXTAUTH_URL: required in production (the app's public URL: sign-in links, and the only origin the gateway accepts state-changing calls from)",
    );
  if (!env.TRUSTED_PROXY_HOPS?.trim())
    problems.push(
      'TRUSTED_PROXY_HOPS: required in production (how many proxies in front append to X-Forwarded-For: 1 behind the ingress, 0 with nothing in front)',
    );
  if (env.SHOP_APP_ENTRY !== '1')
    problems.push(
      "the app must run through its production entry (node apps/<app>/server-entry.mjs, not server.js): it sets each request's client address from the socket and TRUSTED_PROXY_HOPS",
    );
  return problems;
}

/** The apps' shared server settings, parsed on first use. */
export const appServerConfig = defineConfig({
  processName: 'app server',
  schema: z.object(appServerShape),
  rules: appServerRules,
  source: () => process.env,
});

/** The session secret: `NEXTAUTH_SECRET`, else `AUTH_SECRET`. */
export function sessionSecretFrom(config: {
  NEXTAUTH_SECRET?: string;
  AUTH_SECRET?: string;
}): string | undefined {
  return config.NEXTAUTH_SECRET || config.AUTH_SECRET || undefined;
}

/**
 * The origins whose pages may make state-changing calls through the gateway: the app's own
 * public origin (`NEXTAUTH_URL`) and any `GATEWAY_ALLOWED_ORIGINS`. Configured rather than read
 * from the request: behind an ingress the Host a request carries is whatever the proxy passed on.
 */
export function allowedOriginsFrom(config: {
  NEXTAUTH_URL?: string;
  GATEWAY_ALLOWED_ORIGINS?: string;
}): string[] {
  const origins = (config.GATEWAY_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => new URL(entry).origin);
  if (config.NEXTAUTH_URL) origins.unshift(new URL(config.NEXTAUTH_URL).origin);
  return [...new Set(origins)];
}
