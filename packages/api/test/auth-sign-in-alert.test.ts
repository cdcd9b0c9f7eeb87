import { createHash } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate } from './support/auth-calls';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

// The owner of an account under attack is told by email: auth cell -> auth/sign-in.throttled ->
// the local Inngest executor -> the notification cell -> real SMTP -> the mail capture's inbox.

let capture: MailCapture;
let platform: HostWithExecutor;
const storefrontUrl = 'http://shop.test';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'notification'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      MAIL_FROM: 'Shop <no-reply@shop.test>',
      STOREFRONT_PUBLIC_URL: storefrontUrl,
    },
  });
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const login = (email: string, password: string, address: string) =>
  mutate(
    platform.host.url,
    'auth.login',
    { email, password },
    { headers: { 'x-forwarded-for': address } },
  );

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

const waitForInbox = (to: string, count: number) =>
  waitFor(async () => ((await inbox(to)).length >= count ? inbox(to) : false), {
    what: `${count} email(s) to ${to}`,
  });

/** Wrong passwords from `address` until that address is refused (the pair limit trips). */
async function guessUntilRefused(email: string, address: string) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const answer = await login(email, 'wrong password', address);
    if (answer.status === 429) return;
    expect(answer.status).toBe(401);
  }
  throw new Error(`${address} was never refused`);
}

describe('the owner is told about attempts on their account', () => {
  it('one email per throttle window, however many attempts are refused', async () => {
    const email = 'support@example.com';
    await guessUntilRefused(email, '10.20.0.1');
    const [alert] = await waitForInbox(email, 1);
    expect(alert!.subject).toBe('Someone is trying to sign in to your account');
    expect(alert!.text).toContain('6 sign-in attempts with a wrong password');
    expect(alert!.text).toContain('Your account is not locked');
    expect(alert!.text).toContain(`${storefrontUrl}/forgot-password`);

    // More addresses keep guessing in the same window: refused, but no more email.
    await guessUntilRefused(email, '10.20.0.2');
    await guessUntilRefused(email, '10.20.0.3');
    // The owner still signs in from home meanwhile.
    expect((await login(email, 'demo-password-1', '10.20.9.9')).status).toBe(200);

    // A new window (as if 15 minutes had passed) brings one new email; the events are handled
    // in order, so once it has arrived any email the earlier refusals caused would be there too.
    const { LoginFailureCounter } = authModels(await connectDomainDatabase('auth'));
    const hash = createHash('sha256').update(email).digest('hex');
    await LoginFailureCounter.updateMany(
      { key: { $regex: `^(account|pair):${hash}` } },
      { $set: { expiresAt: new Date(Date.now() - 1) } },
    );
    await guessUntilRefused(email, '10.20.0.4');
    await waitForInbox(email, 2);
    expect(await inbox(email)).toHaveLength(2);
  });

  it('nobody is emailed for an email without an account, and the answer is the same', async () => {
    const email = 'nobody-here@example.com';
    await guessUntilRefused(email, '10.21.0.1');
    const refused = await login(email, 'wrong password', '10.21.0.1');
    expect(refused.status).toBe(429);
    // A marker: an alert for a real account, sent after the one that must not exist.
    await guessUntilRefused('analyst@example.com', '10.21.0.2');
    await waitForInbox('analyst@example.com', 1);
    expect(await inbox(email)).toHaveLength(0);
  });
});
