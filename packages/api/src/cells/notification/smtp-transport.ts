import type { Transporter } from 'nodemailer';
import { rootLogger } from '../../observability/logger';
import { describeSmtpError } from './smtp-errors';

const transports = new Map<string, Transporter>();

/**
 * One pooled SMTP transport per URL, kept for the life of the process: connections are reused
 * across messages, and each wait has a limit so a hung provider fails the attempt (to be retried)
 * instead of holding the function forever. nodemailer is imported with the first message, not
 * when the notification cell loads (0.17 s of CPU a host that sends nothing never needs).
 */
export async function smtpTransport(smtpUrl: string): Promise<Transporter> {
  const existing = transports.get(smtpUrl);
  if (existing) return existing;
  const { default: nodemailer } = await import('nodemailer');
  // Another send may have made it while the module loaded.
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    // A pooled connection's failure outside a send must not become an unhandled 'error' event.
    transport.on('error', (error) =>
      rootLogger.warn({ cell: 'notification', error: describeSmtpError(error) }, 'SMTP pool error'),
    );
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes every pooled connection (host shutdown, tests). */
export function closeSmtpTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
