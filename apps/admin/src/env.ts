/**
 * The admin server's configuration, checked once at start (src/instrumentation.ts): the variables
 * every app reads through @shop/api and @shop/auth-session. Server code only: it holds secrets.
 */
import { appServerRules, appServerShape } from '@shop/api/config';
import { defineConfig, exitOnConfigError } from '@shop/env';
import { z } from 'zod';

export const adminEnv = defineConfig({
  processName: 'admin',
  schema: z.object(appServerShape),
  rules: appServerRules,
  source: () => process.env,
});

/** Called by instrumentation.ts on the Node.js server at start: exits listing every problem. */
export function checkAdminEnvAtStart(): void {
  exitOnConfigError(adminEnv);
}
