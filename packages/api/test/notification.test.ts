import { randomBytes } from 'node:crypto';
import { notificationModels } from '@shop/db/notification';
import { connectDomainDatabase } from '@shop/db';
import { waitFor } from '@shop/db/testing';
import type { LocalInngest } from '@shop/inngest-local';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { bearer, queryUrl, request } from './support/http';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

// Email end to end: an auth event -> the local Inngest executor -> the notification cell's
// function -> nodemailer over real SMTP -> the mail capture's inbox.

let capture: MailCapture;
let platform: HostWithExecutor;
let executor: LocalInngest;
let host: CellHost;
const storefrontUrl = 'http://shop.test';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  await seedFileDatabases(); // the executor's state and the cells' data both get this file's prefix
  platform = await startHostWithExecutor(['auth', 'notification'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      MAIL_FROM: 'Shop <no-reply@shop.test>',
      STOREFRONT_PUBLIC_URL: storefrontUrl,
    },
  });
  ({ host, executor } = platform);
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

/** Sends an event to the executor's event API, as a cell's Inngest client would; its id. */
async function send(name: string, data: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${executor.url}/e/test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, data }),
  });
  expect(response.status).toBe(200);
  const { ids } = (await response.json()) as { ids: string[] };
  return ids[0]!;
}

interface RunView {
  function_id: string;
  status: 'Running' | 'Completed' | 'Failed' | 'Cancelled';
}

/** Waits until every run the event started has ended; returns them. */
async function runsEnded(eventId: string): Promise<RunView[]> {
  let seen: RunView[] = [];
  return waitFor(
    async () => {
      const response = await fetch(`${executor.url}/v1/events/${eventId}/runs`);
      seen = ((await response.json()) as { data: RunView[] }).data;
      return seen.length > 0 && seen.every((run) => run.status !== 'Running') && seen;
    },
    { what: `the runs of event ${eventId} to end` },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; runs: ${JSON.stringify(seen)}`);
  });
}

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

async function messageRecords(to: string) {
  const { Message } = notificationModels(await connectDomainDatabase('notification'));
  return Message.find({ to }).lean();
}

function tokenEvent(email: string) {
  return {
    accountId: randomBytes(12).toString('hex'),
    email,
    name: 'Ada',
    token: randomBytes(24).toString('base64url'),
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
  };
}

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;

describe('password reset email', () => {
  it('arrives with the reset link, and the message is recorded as sent without the token', async () => {
    const data = tokenEvent(uniqueEmail('reset'));
    const runs = await runsEnded(await send('auth/password-reset.requested', data));
    expect(runs.map((run) => run.status)).toEqual(['Completed']);

    const [email] = await inbox(data.email);
    const link = `${storefrontUrl}/reset-password?token=${data.token}`;
    expect(email).toMatchObject({
      subject: 'Reset your password',
      from: '"Shop" <no-reply@shop.test>',
      text: expect.stringContaining(link),
      html: expect.stringContaining(`href="${link}"`),
    });
    expect(email!.text).toContain('Hi Ada');

    const records = await messageRecords(data.email);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      template: 'password-reset',
      status: 'sent',
      attempts: 1,
      lastError: null,
      accountId: data.accountId,
      providerMessageId: expect.stringMatching(/@/),
    });
    expect(JSON.stringify(records[0])).not.toContain(data.token);
  });

  it('is retried after a transient refusal (421) and then delivered once', async () => {
    const data = tokenEvent(uniqueEmail('busy'));
    capture.rejectNext({ code: 421, message: 'Too busy, try again later' });
    const runs = await runsEnded(await send('auth/password-reset.requested', data));
    expect(runs.map((run) => run.status)).toEqual(['Completed']);

    expect(await inbox(data.email)).toHaveLength(1);
    const [record] = await messageRecords(data.email);
    expect(record).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('is marked bounced, without retries, after a permanent refusal of the mailbox (550)', async () => {
    const data = tokenEvent(uniqueEmail('unknown'));
    capture.rejectNext({ code: 550, message: 'No such mailbox', at: 'rcpt' });
    const runs = await runsEnded(await send('auth/password-reset.requested', data));
    expect(runs.map((run) => run.status)).toEqual(['Failed']);

    expect(await inbox(data.email)).toHaveLength(0);
    const [record] = await messageRecords(data.email);
    // A hard bounce (issue 18): the message is `bounced` and the address suppressed for marketing.
    expect(record).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(record!.lastError).toMatch(/550/);
    expect(record!.failedAt).toBeInstanceOf(Date);
  });

  it('is sent once when the same event is delivered twice', async () => {
    const data = tokenEvent(uniqueEmail('twice'));
    const [first, second] = await Promise.all([
      send('auth/password-reset.requested', data),
      send('auth/password-reset.requested', data),
    ]);
    await runsEnded(first!);
    await runsEnded(second!);

    expect(await inbox(data.email)).toHaveLength(1);
    const records = await messageRecords(data.email);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('identity emails', () => {
  it('welcomes a new account once, and sends the verification link', async () => {
    const data = tokenEvent(uniqueEmail('new'));
    await runsEnded(
      await send('auth/user.registered', {
        accountId: data.accountId,
        email: data.email,
        name: data.name,
      }),
    );
    await runsEnded(await send('auth/email-verification.requested', data));

    const subjects = (await inbox(data.email)).map((email) => email.subject).sort();
    expect(subjects).toEqual(['Confirm your email address', 'Welcome to Shop']);
    const [verify] = (await inbox(data.email)).filter((email) =>
      email.subject.startsWith('Confirm'),
    );
    expect(verify!.text).toContain(`${storefrontUrl}/verify-email?token=${data.token}`);
    // Transactional mail carries no unsubscribe note.
    expect(verify!.text).not.toMatch(/unsubscribe|turn them off/i);
  });

  it('forgets the recipient when the account is deleted', async () => {
    const data = tokenEvent(uniqueEmail('leaving'));
    await runsEnded(await send('auth/password-reset.requested', data));
    const [before] = await messageRecords(data.email);

    await runsEnded(
      await send('auth/account.deleted', { accountId: data.accountId, email: data.email }),
    );
    expect(await messageRecords(data.email)).toHaveLength(0);
    const { Message } = notificationModels(await connectDomainDatabase('notification'));
    const after = await Message.findById(before!._id).lean();
    expect(after).toMatchObject({ to: 'erased', accountId: null, status: 'sent' });
    expect(after!.erasedAt).toBeInstanceOf(Date);
  });
});

describe('notification.listMessages', () => {
  const list = (token: string | undefined, input: Record<string, unknown>) =>
    request(queryUrl(host.url, 'notification.listMessages', input), {
      headers: token ? bearer(token) : {},
    });

  it('shows support staff what was sent to a customer, and refuses everyone else', async () => {
    const { loginAs } = await import('./support/login');
    const data = tokenEvent(uniqueEmail('support'));
    await runsEnded(await send('auth/password-reset.requested', data));

    const support = await loginAs(host.url, 'support@example.com');
    const response = await list(support, { to: data.email });
    expect(response.status).toBe(200);
    const { result } = response.json as {
      result: { data: { items: unknown[]; totalCount: number } };
    };
    expect(result.data.totalCount).toBe(1);
    expect(result.data.items[0]).toMatchObject({
      to: data.email,
      template: 'password-reset',
      status: 'sent',
      subject: 'Reset your password',
    });
    expect(JSON.stringify(result.data)).not.toContain(data.token);

    const catalogManager = await loginAs(host.url, 'catalog@example.com');
    expect((await list(catalogManager, {})).status).toBe(403);
    expect((await list(undefined, {})).status).toBe(401);
    expect((await list(support, { to: 'not-an-email' })).status).toBe(400);
  });
});

describe('emails the auth cell asks for', () => {
  const mutate = (path: string, input: unknown) =>
    request(`${host.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });

  /** Polls the inbox until `count` emails to `to` are there (they go out after the call answers). */
  async function waitForInbox(to: string, count: number): Promise<CapturedMessage[]> {
    return waitFor(
      async () => {
        const emails = await inbox(to);
        return emails.length >= count && emails;
      },
      { what: `${count} email(s) to ${to}` },
    );
  }

  it('sign-up sends the welcome and the verification link; a reset link works once', async () => {
    const email = uniqueEmail('signup');
    const password = 'correct horse battery staple 42';
    const registered = await mutate('auth.register', { email, password, name: 'Grace' });
    expect(registered.status).toBe(200);

    const subjects = (await waitForInbox(email, 2)).map((each) => each.subject).sort();
    expect(subjects).toEqual(['Confirm your email address', 'Welcome to Shop']);

    expect((await mutate('auth.requestPasswordReset', { email })).status).toBe(200);
    const [reset] = await waitForInbox(email, 3);
    expect(reset!.subject).toBe('Reset your password');
    const link = reset!.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token');

    const newPassword = 'another horse battery staple 43';
    const reused = { token, password: newPassword };
    expect((await mutate('auth.resetPassword', reused)).status).toBe(200);
    expect((await mutate('auth.resetPassword', reused)).status).toBeGreaterThanOrEqual(400);
  });
});
