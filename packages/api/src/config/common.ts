import { defineConfig, envValue, type Env } from '@shop/env';
import { z } from 'zod';
import { domains } from '../domains';

/** `<DOMAIN>_CELL_URL` for each of the nine cells (`AUTH_CELL_URL` is also where the JWKS lives). */
export const cellUrlVariables = domains.map((domain) => `${domain.toUpperCase()}_CELL_URL`);

/**
 * What every process that uses @shop/api reads, cell hosts and apps alike: the log level and
 * where each cell answers.
 */
export const commonShape = {
  NODE_ENV: envValue.text(),
  LOG_LEVEL: envValue.logLevel(),
  /** `json` (production's default) or `pretty` (the default when NODE_ENV=development). */
  LOG_FORMAT: envValue.text().pipe(z.enum(['json', 'pretty']).optional()),
  /**
   * Where spans go: an OTLP/HTTP collector (`http://otel-collector:4318`). Unset: no tracing at
   * all (docs/observability/tracing-and-logs.md).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: envValue.url(),
  /** Overrides the `service` of log lines and spans (default: the cells a host serves, the app). */
  OTEL_SERVICE_NAME: envValue.text(),
  /** A host serving every cell (development: `http://127.0.0.1:4000`). */
  SHOP_CELL_URL: envValue.url(),
  ...Object.fromEntries(cellUrlVariables.map((name) => [name, envValue.url()])),
  /**
   * The internal credential: cells answer procedures and `/metrics` only to callers presenting it
   * (the apps' gateways and server code, other cells); see host/internal-caller.ts.
   */
  CELL_SERVICE_TOKEN: cellServiceToken(),
} as const;

/** A shared secret of at least 32 characters; empty counts as unset. */
function cellServiceToken() {
  return envValue.text().refine((secret) => !secret || secret.length >= 32, {
    message: 'must be at least 32 characters',
  });
}

/**
 * In production every process that calls or hosts cells holds the internal credential: without it
 * a cell would answer anyone who reaches its port, and an app's calls would be refused.
 */
export function cellServiceTokenRule(env: Env): string[] {
  if (!envValue.isProductionRuntime(env) || env.CELL_SERVICE_TOKEN?.trim()) return [];
  return [
    'CELL_SERVICE_TOKEN: required in production (the internal credential between the apps and the cells; the same value everywhere)',
  ];
}

/**
 * In production every cell's URL is configuration: a forgotten one would otherwise send that
 * cell's calls to http://127.0.0.1:4000, which answers nothing in a pod.
 */
export function commonRules(env: Env): string[] {
  if (!envValue.isProductionRuntime(env) || env.SHOP_CELL_URL?.trim()) return [];
  return cellUrlVariables
    .filter((name) => !env[name]?.trim())
    .map(
      (name) => `${name}: required in production (or SHOP_CELL_URL for a host serving every cell)`,
    );
}

/** The common settings, for code that runs in cell hosts and apps alike (logger, cell URLs). */
export const commonConfig = defineConfig({
  processName: 'shop',
  schema: z.object(commonShape),
  rules: commonRules,
  source: () => process.env,
});
