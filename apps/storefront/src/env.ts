/**
 * The storefront server's configuration, checked once at start (src/instrumentation.ts): the
 * variables every app reads through @shop/api and @shop/auth-session, plus the storefront's own.
 * Server code only: it holds secrets (Next never inlines these into browser bundles, and no client
 * component imports this module).
 */
import { appServerRules, appServerShape } from '@shop/api/config';
import { defineConfig, envValue, exitOnConfigError, type Env } from '@shop/env';
import { z } from 'zod';

export const storefrontEnv = defineConfig({
  processName: 'storefront',
  schema: z.object({
    ...appServerShape,
    /** Public origin: canonical URLs, Open Graph, JSON-LD, the sitemap. */
    STOREFRONT_PUBLIC_URL: envValue.url(),
    /** Bearer token of /api/revalidate (the product cell sends it). */
    REVALIDATE_SECRET: envValue.text(),
  }),
  rules: (env: Env) => {
    const problems = appServerRules(env);
    if (envValue.isProductionRuntime(env)) {
      if (!env.STOREFRONT_PUBLIC_URL?.trim())
        problems.push(
          'STOREFRONT_PUBLIC_URL: required in production (canonical URLs, sitemap, structured data)',
        );
      if (!env.REVALIDATE_SECRET?.trim())
        problems.push(
          "REVALIDATE_SECRET: required in production (without it the product cell cannot expire the storefront's cached pages)",
        );
    }
    return problems;
  },
  source: () => process.env,
});

/** Called by instrumentation.ts on the Node.js server at start: exits listing every problem. */
export function checkStorefrontEnvAtStart(): void {
  exitOnConfigError(storefrontEnv);
}
