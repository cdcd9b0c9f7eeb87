import { defineConfig, envValue, type Env } from '@shop/env';
import { z } from 'zod';
import { commonRules, commonShape } from './common';

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
  /** The app's public URL; `https://` makes next-auth use `__Secure-` cookies. */
  NEXTAUTH_URL: envValue.url(),
  GATEWAY_RATE_LIMIT_BURST: envValue.positiveNumber(100),
  GATEWAY_RATE_LIMIT_PER_SECOND: envValue.positiveNumber(20),
} as const;

export function appServerRules(env: Env): string[] {
  if (!envValue.isProductionRuntime(env)) return [];
  const problems = commonRules(env);
  if (!env.NEXTAUTH_SECRET?.trim() && !env.AUTH_SECRET?.trim())
    problems.push('NEXTAUTH_SECRET: required in production (it seals the sign-in session cookie)');
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
