import { defineConfig, envValue } from '@shop/env';
import { z } from 'zod';

/** The standalone capture server's environment (main.ts), checked once at start. */
export const mailCaptureConfig = defineConfig({
  processName: 'mail-capture',
  schema: z.object({
    MAIL_SMTP_PORT: envValue.port(1025),
    MAIL_INBOX_PORT: envValue.port(8025),
    MAIL_CAPTURE_HOST: envValue.text().default('127.0.0.1'),
    MAIL_CAPTURE_DIR: envValue.text(),
  }),
  source: () => process.env,
});
