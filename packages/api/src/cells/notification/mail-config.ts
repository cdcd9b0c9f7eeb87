import { z } from 'zod';
import { hostEnv } from '../../config/host';

const mailEnv = z.object({
  /** Any SMTP provider: `smtp://user:pass@host:587`, `smtps://...:465`. Holds credentials. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Shop <no-reply@shop.localhost>'),
  STOREFRONT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
});

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** Without a trailing slash. */
  storefrontUrl: string;
}

/**
 * Read on every send rather than at import, so a test (or an operator restarting with a new
 * secret) gets the current values. Invalid values throw with the variable's name, never its value.
 */
export function mailConfig(env: Record<string, string | undefined> = hostEnv()): MailConfig {
  const parsed = mailEnv.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`invalid mail configuration: ${names}`);
  }
  return {
    smtpUrl: parsed.data.SMTP_URL,
    from: parsed.data.MAIL_FROM,
    storefrontUrl: parsed.data.STOREFRONT_PUBLIC_URL.replace(/\/+$/, ''),
  };
}
