import { z } from 'zod';
import { startMailCapture } from './start-mail-capture';

// Standalone: `pnpm --filter @shop/mail-capture start` (pnpm dev starts it for you).
const env = z
  .object({
    MAIL_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(1025),
    MAIL_INBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(8025),
    MAIL_CAPTURE_HOST: z.string().default('127.0.0.1'),
    MAIL_CAPTURE_DIR: z.string().optional(),
  })
  .parse(process.env);

const capture = await startMailCapture({
  smtpPort: env.MAIL_SMTP_PORT,
  httpPort: env.MAIL_INBOX_PORT,
  host: env.MAIL_CAPTURE_HOST,
  dataDir: env.MAIL_CAPTURE_DIR,
});
console.warn(`SMTP ${capture.smtpUrl}  inbox ${capture.inboxUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void capture.stop().then(() => process.exit(0)));
}
