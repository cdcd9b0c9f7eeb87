import { dbShape } from '@shop/db/config';
import { defineConfig, envValue } from '@shop/env';
import { z } from 'zod';
import { cellLayoutSchema } from './cell-hosts';

const port = () => envValue.optionalInteger(1).pipe(z.number().max(65_535).optional());

/**
 * The stack launcher's environment (`pnpm dev`, the e2e stack), checked once at start. Whatever it
 * leaves unset it fills in for its children (local URLs, generated secrets), whose own start-up
 * checks then apply to what they receive.
 */
export const stackConfig = defineConfig({
  processName: 'stack',
  schema: z.object({
    ...dbShape,
    // Ports (defaults depend on the mode: stack-config.ts)
    STOREFRONT_PORT: port(),
    ADMIN_PORT: port(),
    CELLS_PORT: port(),
    LOCAL_INNGEST_PORT: port(),
    MAIL_SMTP_PORT: port(),
    MAIL_INBOX_PORT: port(),
    /**
     * `one` host for every cell (the default), or `each` cell in its own host on CELLS_PORT,
     * CELLS_PORT + 1, ... as the pods run them (cell-hosts.ts).
     */
    CELL_HOSTS: envValue.text().pipe(cellLayoutSchema.default('one')),
    /** `pretty` (the default for `pnpm dev`) or `json` (the e2e stack's default). */
    LOG_FORMAT: envValue.text().pipe(z.enum(['json', 'pretty']).optional()),
    // Passed on to the children when set, else filled in
    INNGEST_BASE_URL: envValue.url(),
    INNGEST_DEV: envValue.text(),
    INNGEST_SIGNING_KEY: envValue.text(),
    NEXTAUTH_SECRET: envValue.text(),
    AUTH_SECRET: envValue.text(),
    SMTP_URL: envValue.text(),
    MAIL_FROM: envValue.text(),
    STOREFRONT_PUBLIC_URL: envValue.url(),
    STOREFRONT_INTERNAL_URL: envValue.url(),
    REVALIDATE_SECRET: envValue.text(),
    SERVICE_TOKEN_SECRET: envValue.text(),
    MAIL_LINK_SECRET: envValue.text(),
    CELL_SERVICE_TOKEN: envValue.text().refine((secret) => !secret || secret.length >= 32, {
      message: 'must be at least 32 characters',
    }),
  }),
  source: () => process.env,
});

/**
 * The stack's environment as raw strings, after stackConfig() accepted it: what its children
 * inherit (each child checks its own share at start).
 */
export function stackEnv(): NodeJS.ProcessEnv {
  stackConfig();
  return process.env;
}
