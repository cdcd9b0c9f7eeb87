import { hostConfig, type HostConfig } from '../../config/host';

/** Links in emails outside production, where STOREFRONT_PUBLIC_URL may be unset (`pnpm dev`). */
const localStorefrontUrl = 'http://127.0.0.1:3000';

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** Without a trailing slash. */
  storefrontUrl: string;
}

/**
 * The notification cell's mail settings, from the host's configuration (config/host.ts checks
 * SMTP_URL, MAIL_FROM and STOREFRONT_PUBLIC_URL at start, naming a bad variable without its value;
 * production requires SMTP_URL and STOREFRONT_PUBLIC_URL). Read on every send, so a test that
 * changes the environment gets the current values.
 */
export function mailConfig(
  config: Pick<HostConfig, 'SMTP_URL' | 'MAIL_FROM' | 'STOREFRONT_PUBLIC_URL'> = hostConfig(),
): MailConfig {
  return {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    storefrontUrl: (config.STOREFRONT_PUBLIC_URL ?? localStorefrontUrl).replace(/\/+$/, ''),
  };
}
