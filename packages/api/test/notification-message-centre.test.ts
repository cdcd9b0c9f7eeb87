import { randomBytes } from 'node:crypto';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type SignedIn } from './support/login';

// The admin's message centre over HTTP: list and filter what was sent, one message's attempts and
// the provider's answers, and "Resend" for a failed transactional email (once, audited).

let capture: MailCapture;
let platform: HostWithExecutor;
let staff: Record<'admin' | 'support' | 'catalog', SignedIn>;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  await seedDemoData();
  platform = await startHostWithExecutor(['auth', 'notification'], {
    env: { SMTP_URL: capture.smtpUrl, STOREFRONT_PUBLIC_URL: 'http://shop.test' },
  });
  staff = await signInDemoAccounts(platform.host.url, ['admin', 'support', 'catalog']);
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

/**
 * A welcome email to a new address; `refuse` makes the SMTP server refuse it for good (554 after
 * DATA: a refusal of the message, not a hard bounce of the address, which would be `bounced`).
 */
async function welcome(email: string, refuse = false) {
  if (refuse) capture.rejectNext({ code: 554, message: 'Message refused', at: 'data' });
  const data = { accountId: randomBytes(12).toString('hex'), email, name: 'Ada' };
  await runsEnded(
    platform.executor,
    await sendToExecutor(platform.executor, 'auth/user.registered', data),
  );
  return data;
}

const query = (who: SignedIn | undefined, path: string, input: unknown) =>
  request(queryUrl(platform.host.url, `notification.${path}`, input), {
    headers: who ? bearer(who.token) : {},
  });
const mutate = (who: SignedIn, path: string, input: unknown) =>
  request(`${platform.host.url}/trpc/notification.${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(who.token) },
    body: JSON.stringify(input),
  });
const data = <T>(response: { json: unknown }) =>
  (response.json as { result: { data: T } }).result.data;

interface Listed {
  items: { id: string; to: string; template: string; status: string; attempts: number }[];
  totalCount: number;
}

describe('the message list', () => {
  it('finds messages by part of the address, status, template and day, and pages them', async () => {
    const tag = randomBytes(3).toString('hex');
    const sent = await welcome(`centre-${tag}-a@example.com`);
    await welcome(`centre-${tag}-b@example.com`);
    const failed = await welcome(`centre-${tag}-c@example.com`, true);

    const all = await query(staff.support, 'listMessages', { search: `CENTRE-${tag}` });
    expect(all.status).toBe(200);
    expect(data<Listed>(all).totalCount).toBe(3);

    const onlyFailed = data<Listed>(
      await query(staff.support, 'listMessages', { search: tag, status: 'failed' }),
    );
    expect(onlyFailed.items.map((item) => item.to)).toEqual([failed.email]);

    const today = new Date().toISOString().slice(0, 10);
    const filtered = data<Listed>(
      await query(staff.support, 'listMessages', {
        search: tag,
        template: 'welcome',
        from: today,
        until: today,
        pageSize: 2,
        page: 2,
      }),
    );
    expect(filtered).toMatchObject({ totalCount: 3 });
    expect(filtered.items).toHaveLength(1);
    // Newest first: the first sent is the last on page 2.
    expect(filtered.items[0]!.to).toBe(sent.email);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const none = data<Listed>(
      await query(staff.support, 'listMessages', { search: tag, until: yesterday }),
    );
    expect(none.totalCount).toBe(0);

    // A search is literal text: a pattern character matches nothing rather than everything.
    expect(
      data<Listed>(await query(staff.support, 'listMessages', { search: '.*' })).totalCount,
    ).toBe(0);
  });

  it('refuses bad filters with 400 and callers without customers:read', async () => {
    expect((await query(staff.support, 'listMessages', { status: 'lost' })).status).toBe(400);
    expect((await query(staff.support, 'listMessages', { from: '5 Dec' })).status).toBe(400);
    expect(
      (await query(staff.support, 'listMessages', { from: '2026-02-02', until: '2026-02-01' }))
        .status,
    ).toBe(400);
    expect((await query(staff.catalog, 'listMessages', {})).status).toBe(403);
    expect((await query(undefined, 'listMessages', {})).status).toBe(401);
    expect((await query(staff.support, 'getMessage', { id: 'nope' })).status).toBe(400);
    expect((await query(staff.support, 'getMessage', { id: 'a'.repeat(24) })).status).toBe(404);
  });
});

describe("a message's page and resend", () => {
  it("shows each attempt with the provider's answer", async () => {
    const email = uniqueEmail('detail');
    await welcome(email);
    const [listed] = data<Listed>(await query(staff.support, 'listMessages', { to: email })).items;
    const detail = await query(staff.support, 'getMessage', { id: listed!.id });
    expect(detail.status).toBe(200);
    expect(data(detail)).toMatchObject({
      status: 'sent',
      providerResponse: expect.stringMatching(/^250/),
      attemptLog: [{ outcome: 'sent', response: expect.stringMatching(/^250/) }],
      resendRefusal: 'It is sent, not failed.',
    });
  });

  it('resends a failed email once however often staff click, audited, and only for notifications:send', async () => {
    const email = uniqueEmail('resend');
    await welcome(email, true);
    const [listed] = data<Listed>(await query(staff.support, 'listMessages', { to: email })).items;
    expect(listed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(data(await query(staff.support, 'getMessage', { id: listed!.id }))).toMatchObject({
      attemptLog: [{ outcome: 'failed', response: expect.stringContaining('554') }],
      resendRefusal: null,
    });

    // Support may look, not send.
    expect((await mutate(staff.support, 'resendMessage', { id: listed!.id })).status).toBe(403);

    const clicks = await Promise.all([
      mutate(staff.admin, 'resendMessage', { id: listed!.id }),
      mutate(staff.admin, 'resendMessage', { id: listed!.id }),
      mutate(staff.admin, 'resendMessage', { id: listed!.id }),
    ]);
    expect(clicks.map((click) => click.status)).toEqual([200, 200, 200]);
    expect(clicks.filter((click) => data<{ requested: boolean }>(click).requested)).toHaveLength(1);

    const [delivered] = await waitFor(
      async () => {
        const emails = await inbox(email);
        return emails.length > 0 && emails;
      },
      { what: `the resent email to ${email}` },
    );
    expect(delivered!.subject).toBe('Welcome to Shop');
    await waitFor(
      async () =>
        data<{ status: string }>(await query(staff.support, 'getMessage', { id: listed!.id }))
          .status === 'sent',
      { what: 'the message to be marked sent' },
    );
    // A late click after it went out sends nothing either.
    const late = await mutate(staff.admin, 'resendMessage', { id: listed!.id });
    expect(data(late)).toEqual({ requested: false, status: 'sent' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inbox(email)).toHaveLength(1);

    expect(data(await query(staff.support, 'getMessage', { id: listed!.id }))).toMatchObject({
      status: 'sent',
      resendCount: 1,
      attemptLog: [{ outcome: 'failed' }, { outcome: 'sent' }],
    });

    // Every click is on record (who asked); only the one that requested the send has a change.
    const audit = data<{ items: { procedure: string; after: unknown }[] }>(
      await query(staff.admin, 'auditLog', { objectId: listed!.id }),
    );
    expect(audit.items).toHaveLength(4);
    expect(audit.items.every((entry) => entry.procedure === 'notification.resendMessage')).toBe(
      true,
    );
    expect(audit.items.filter((entry) => entry.after !== null)).toEqual([
      expect.objectContaining({ after: { status: 'queued', resendCount: 1 } }),
    ]);
  });

  it('refuses to resend an email that carried a single-use link (409)', async () => {
    const email = uniqueEmail('reset');
    capture.rejectNext({ code: 554, message: 'Message refused', at: 'data' });
    await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'auth/password-reset.requested', {
        accountId: randomBytes(12).toString('hex'),
        email,
        name: 'Ada',
        token: randomBytes(24).toString('base64url'),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );
    const [listed] = data<Listed>(await query(staff.support, 'listMessages', { to: email })).items;
    expect(listed!.status).toBe('failed');
    const refused = await mutate(staff.admin, 'resendMessage', { id: listed!.id });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain('single-use link');
  });
});
