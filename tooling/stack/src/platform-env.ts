import { cellServiceToken } from './cell-service-token';
import { stackConfig, stackEnv } from './config';
import { fromRoot } from './repo-root';
import { persistedSecret, sessionSecret } from './session-secret';

export interface PlatformEnvInput {
  mongoUri: string;
  cellsUrl: string;
  inngestUrl: string;
  storefrontUrl: string;
  mail: { smtpUrl: string; inboxUrl?: string | undefined };
  logFormat: 'json' | 'pretty';
  /** A secret both sides of a pair get (revalidation, service tokens), when not configured. */
  perStartSecret: (name: string) => Promise<string>;
}

/**
 * The environment every part of the platform the stack starts gets (cells, apps): where the
 * others are, and the secrets they share. `pnpm dev` builds it once; `turbo dev`'s parts each
 * build it from what the database and mail parts handed over (dev-part.ts).
 */
export async function platformEnv(input: PlatformEnvInput): Promise<NodeJS.ProcessEnv> {
  const config = stackConfig();
  return {
    ...stackEnv(),
    MONGODB_URI: input.mongoUri,
    SHOP_CELL_URL: input.cellsUrl,
    INNGEST_BASE_URL: input.inngestUrl,
    INNGEST_DEV: config.INNGEST_DEV ?? (config.INNGEST_SIGNING_KEY ? '0' : '1'),
    NEXT_TELEMETRY_DISABLED: '1',
    // Every process the stack starts logs in the same format as the stack itself.
    LOG_FORMAT: input.logFormat,
    // The apps seal their sign-in sessions with it (next-auth).
    NEXTAUTH_SECRET: await sessionSecret(fromRoot('.data/nextauth-secret')),
    SMTP_URL: input.mail.smtpUrl,
    MAIL_FROM: config.MAIL_FROM ?? 'Shop <no-reply@shop.localhost>',
    // Links in emails point here (reset password, verify email, order pages).
    STOREFRONT_PUBLIC_URL: config.STOREFRONT_PUBLIC_URL ?? input.storefrontUrl,
    ...(input.mail.inboxUrl ? { MAIL_CAPTURE_URL: input.mail.inboxUrl } : {}),
    // The product cell expires the storefront's cached pages through its /api/revalidate
    // (revalidate-storefront.ts); both sides get the same secret here.
    STOREFRONT_INTERNAL_URL: config.STOREFRONT_INTERNAL_URL ?? input.storefrontUrl,
    REVALIDATE_SECRET: config.REVALIDATE_SECRET ?? (await input.perStartSecret('revalidate')),
    // Saga steps call other cells with a service token from the auth cell, which exchanges
    // this secret for it (cross-cell/service-client.ts).
    SERVICE_TOKEN_SECRET:
      config.SERVICE_TOKEN_SECRET ?? (await input.perStartSecret('service-token')),
    // Signs unsubscribe and newsletter confirmation links; kept in .data/ so links in the
    // captured inbox still work after a restart.
    MAIL_LINK_SECRET:
      config.MAIL_LINK_SECRET ?? (await persistedSecret(fromRoot('.data/mail-link-secret'))),
    // The cells answer procedures and /metrics only to callers presenting it; the apps' gateway
    // and server code and the cells' own calls send it (docs/security/edge.md).
    CELL_SERVICE_TOKEN: await cellServiceToken(fromRoot('.data/cell-service-token')),
  };
}
