import { z } from 'zod';
import { stackEnv } from './config';

export const stackModes = ['dev', 'e2e'] as const;
export type StackMode = (typeof stackModes)[number];

const port = z.coerce.number().int().min(1).max(65_535);

/**
 * Ports of one running platform. `dev` uses the well-known ports; `e2e` uses others so tests can
 * run while a developer's `pnpm dev` is up.
 */
export function stackPorts(mode: StackMode, env: NodeJS.ProcessEnv = stackEnv()) {
  const defaults =
    mode === 'dev'
      ? {
          storefront: 3000,
          admin: 3100,
          cells: 4000,
          inngest: 8288,
          mailSmtp: 1025,
          mailInbox: 8025,
        }
      : {
          storefront: 3200,
          admin: 3300,
          cells: 4400,
          inngest: 8388,
          mailSmtp: 1125,
          mailInbox: 8125,
        };
  return {
    storefront: port.parse(env.STOREFRONT_PORT ?? defaults.storefront),
    admin: port.parse(env.ADMIN_PORT ?? defaults.admin),
    cells: port.parse(env.CELLS_PORT ?? defaults.cells),
    inngest: port.parse(env.LOCAL_INNGEST_PORT ?? defaults.inngest),
    mailSmtp: port.parse(env.MAIL_SMTP_PORT ?? defaults.mailSmtp),
    mailInbox: port.parse(env.MAIL_INBOX_PORT ?? defaults.mailInbox),
  };
}

export type StackPorts = ReturnType<typeof stackPorts>;
