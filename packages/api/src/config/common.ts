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
  /** A host serving every cell (development: `http://127.0.0.1:4000`). */
  SHOP_CELL_URL: envValue.url(),
  ...Object.fromEntries(cellUrlVariables.map((name) => [name, envValue.url()])),
} as const;

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
