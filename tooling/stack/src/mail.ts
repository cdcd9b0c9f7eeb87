import { startMailCapture } from '@shop/mail-capture';
import type { Logger } from 'pino';
import { stackConfig } from './config';

export interface StackMail {
  /** What the notification cell sends through. */
  smtpUrl: string;
  /** The local inbox page, or undefined when mail goes to a configured provider. */
  inboxUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Where the platform's email goes: the provider in `SMTP_URL` when one is configured, otherwise a
 * local capture server whose inbox a developer (or a Playwright test) reads in the browser.
 */
export async function startStackMail({
  smtpPort,
  inboxPort,
  dataDir,
  logger,
}: {
  smtpPort: number;
  inboxPort: number;
  /** Keeps captured mail across restarts (dev); memory only when undefined (e2e). */
  dataDir: string | undefined;
  logger: Logger;
}): Promise<StackMail> {
  const configured = stackConfig().SMTP_URL;
  if (configured) {
    logger.info('SMTP_URL is set: email goes to that server, no local inbox');
    return { smtpUrl: configured, inboxUrl: undefined, stop: async () => {} };
  }
  const capture = await startMailCapture({
    smtpPort,
    httpPort: inboxPort,
    host: '127.0.0.1',
    dataDir,
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the mail capture could not start on ports ${smtpPort}/${inboxPort} (${reason}); ` +
        'set MAIL_SMTP_PORT / MAIL_INBOX_PORT, or SMTP_URL to use another SMTP server',
    );
  });
  return { smtpUrl: capture.smtpUrl, inboxUrl: capture.inboxUrl, stop: () => capture.stop() };
}
