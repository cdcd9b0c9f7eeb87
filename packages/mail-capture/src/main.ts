import { exitOnConfigError } from '@shop/env';
import { mailCaptureConfig } from './config';
import { startMailCapture } from './start-mail-capture';

// Standalone: `pnpm --filter @shop/mail-capture start` (pnpm dev starts it for you).
const env = exitOnConfigError(mailCaptureConfig);

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
