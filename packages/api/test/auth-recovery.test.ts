import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startEventCapture, type EventCapture } from './support/auth-event-capture';
import {
  dataOf,
  errorOf,
  goodPassword,
  mutate,
  query,
  uniqueEmail,
  type TokenSetBody,
} from './support/auth-calls';
import type { stopTestHosts as StopTestHosts } from './support/test-host';

let events: EventCapture;
let host: CellHost;
let stopTestHosts: typeof StopTestHosts;

beforeAll(async () => {
  events = await startEventCapture();
  process.env.INNGEST_DEV = '1';
  process.env.INNGEST_BASE_URL = events.url;
  const testHost = await import('./support/test-host');
  stopTestHosts = testHost.stopTestHosts;
  await testHost.seededTestDatabases();
  host = await testHost.startTestHost(['auth']);
});
afterAll(async () => {
  await stopTestHosts?.(host);
  await events?.stop();
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_BASE_URL;
});

async function register(email = uniqueEmail()) {
  const response = await mutate(host.url, 'auth.register', {
    email,
    password: goodPassword,
    name: 'Reese Recover',
  });
  expect(response.status, response.text).toBe(200);
  return dataOf<TokenSetBody>(response);
}

const login = (email: string, password: string) =>
  mutate(host.url, 'auth.login', { email, password });

async function resetTokenFor(email: string, accountId: string): Promise<string> {
  expect(dataOf(await mutate(host.url, 'auth.requestPasswordReset', { email }))).toEqual({
    ok: true,
  });
  const event = events.latest('auth/password-reset.requested', { accountId });
  expect(event?.data).toMatchObject({ email, name: 'Reese Recover' });
  const lifetime = Date.parse(String(event!.data.expiresAt)) - Date.now();
  expect(lifetime).toBeGreaterThan(59 * 60_000);
  expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
  return String(event!.data.token);
}

describe('password reset', () => {
  it('a single-use emailed token sets a new password and ends every session', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    const token = await resetTokenFor(email, session.account.id);

    const reset = await mutate(host.url, 'auth.resetPassword', {
      token,
      password: 'a brand new passphrase',
    });
    expect(dataOf(reset)).toEqual({ ok: true });
    expect((await login(email, goodPassword)).status).toBe(401);
    expect((await login(email, 'a brand new passphrase')).status).toBe(200);
    expect(
      (await mutate(host.url, 'auth.refresh', { refreshToken: session.refreshToken })).status,
    ).toBe(401);

    const again = await mutate(host.url, 'auth.resetPassword', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect(errorOf(again).message).toMatch(/expired or was already used/);
  });

  it('answers ok for an unknown email, and sends nothing', async () => {
    const before = events.events.length;
    const response = await mutate(host.url, 'auth.requestPasswordReset', {
      email: uniqueEmail('unknown'),
    });
    expect(dataOf(response)).toEqual({ ok: true });
    expect(events.events.length).toBe(before);
  });

  it('refuses an expired token', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    const token = await resetTokenFor(email, session.account.id);
    const { OneTimeToken } = authModels(await connectDomainDatabase('auth'));
    await OneTimeToken.updateMany(
      { accountId: session.account.id, purpose: 'password-reset' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const response = await mutate(host.url, 'auth.resetPassword', {
      token,
      password: 'a brand new passphrase',
    });
    expect(response.status).toBe(400);
  });

  it('keeps the link usable when the new password is refused', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    const token = await resetTokenFor(email, session.account.id);
    const weak = await mutate(host.url, 'auth.resetPassword', { token, password: 'qwertyuiop' });
    expect(weak.status).toBe(400);
    expect(errorOf(weak).data.issues).toEqual([{ path: 'password', message: expect.any(String) }]);
    const same = await mutate(host.url, 'auth.resetPassword', { token, password: email });
    expect(errorOf(same).data.issues).toEqual([
      { path: 'password', message: 'The password must not be your email address' },
    ]);
    const good = await mutate(host.url, 'auth.resetPassword', {
      token,
      password: 'finally a good one',
    });
    expect(good.status).toBe(200);
  });

  it('refuses operator objects and oversized values as the email with 400', async () => {
    for (const email of [{ $gt: '' }, { $regex: '.*' }, `${'a'.repeat(5_000)}@example.com`]) {
      expect((await mutate(host.url, 'auth.requestPasswordReset', { email })).status).toBe(400);
    }
  });

  it('refuses operator objects and garbage as the token with 400', async () => {
    for (const token of [{ $ne: null }, 'short', 'x'.repeat(5_000), '../../etc/passwd']) {
      const response = await mutate(host.url, 'auth.resetPassword', {
        token,
        password: 'a brand new passphrase',
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('email verification', () => {
  it('the link sent at registration verifies the email, once', async () => {
    const session = await register();
    expect(session.account.emailVerified).toBe(false);
    const event = events.latest('auth/email-verification.requested', {
      accountId: session.account.id,
    });
    const token = String(event?.data.token);
    expect(dataOf(await mutate(host.url, 'auth.verifyEmail', { token }))).toEqual({ ok: true });
    const me = await query(host.url, 'auth.me', undefined, { token: session.accessToken });
    expect(dataOf(me)).toMatchObject({ emailVerified: true });
    expect((await mutate(host.url, 'auth.verifyEmail', { token })).status).toBe(400);
  });

  it('a signed-in user can ask for a new link; the older one stops working', async () => {
    const session = await register();
    const first = events.latest('auth/email-verification.requested', {
      accountId: session.account.id,
    });
    const again = await mutate(host.url, 'auth.requestEmailVerification', undefined, {
      token: session.accessToken,
    });
    expect(dataOf(again)).toEqual({ ok: true });
    const second = events.latest('auth/email-verification.requested', {
      accountId: session.account.id,
    });
    expect(second?.data.token).not.toBe(first?.data.token);
    expect((await mutate(host.url, 'auth.verifyEmail', { token: first?.data.token })).status).toBe(
      400,
    );
    expect((await mutate(host.url, 'auth.verifyEmail', { token: second?.data.token })).status).toBe(
      200,
    );
    expect((await mutate(host.url, 'auth.requestEmailVerification')).status).toBe(401);
  });
});

describe('changing the password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const email = uniqueEmail();
    const here = await register(email);
    const elsewhere = dataOf<TokenSetBody>(await login(email, goodPassword));

    const wrong = await mutate(
      host.url,
      'auth.changePassword',
      { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
      { token: here.accessToken },
    );
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).data.issues).toEqual([
      { path: 'currentPassword', message: 'This is not your current password' },
    ]);

    const changed = await mutate(
      host.url,
      'auth.changePassword',
      { currentPassword: goodPassword, newPassword: 'a brand new passphrase' },
      { token: here.accessToken },
    );
    expect(dataOf(changed)).toEqual({ ok: true });
    expect(
      (await mutate(host.url, 'auth.refresh', { refreshToken: here.refreshToken })).status,
    ).toBe(200);
    expect(
      (await mutate(host.url, 'auth.refresh', { refreshToken: elsewhere.refreshToken })).status,
    ).toBe(401);
    expect((await login(email, 'a brand new passphrase')).status).toBe(200);
  });

  it('applies the policy to the new password, naming the field', async () => {
    const session = await register();
    const response = await mutate(
      host.url,
      'auth.changePassword',
      { currentPassword: goodPassword, newPassword: 'short' },
      { token: session.accessToken },
    );
    expect(response.status).toBe(400);
    expect(errorOf(response).data.issues?.[0]?.path).toBe('newPassword');
  });
});

describe('deleting the account', () => {
  it('needs the password, announces the deletion, then forgets the credentials', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    const wrong = await mutate(
      host.url,
      'auth.deleteAccount',
      { password: 'not my password' },
      { token: session.accessToken },
    );
    expect(wrong.status).toBe(400);

    const deleted = await mutate(
      host.url,
      'auth.deleteAccount',
      { password: goodPassword },
      { token: session.accessToken },
    );
    expect(dataOf(deleted)).toEqual({ ok: true });
    expect(events.latest('auth/account.deleted', { accountId: session.account.id })?.data).toEqual({
      accountId: session.account.id,
      email,
    });
    expect((await login(email, goodPassword)).status).toBe(401);
    expect(
      (await mutate(host.url, 'auth.refresh', { refreshToken: session.refreshToken })).status,
    ).toBe(401);
    expect(
      (await query(host.url, 'auth.me', undefined, { token: session.accessToken })).status,
    ).toBe(401);

    const { Account } = authModels(await connectDomainDatabase('auth'));
    const stored = await Account.findById(session.account.id).lean();
    expect(stored).toMatchObject({
      email: `deleted-${session.account.id}@invalid`,
      passwordHash: null,
      deletedAt: expect.any(Date),
    });
    // The email is free again.
    expect(
      (await mutate(host.url, 'auth.register', { email, password: goodPassword, name: 'New' }))
        .status,
    ).toBe(200);
  });

  it('keeps the account when the deletion cannot be announced', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    events.failing = true;
    try {
      const response = await mutate(
        host.url,
        'auth.deleteAccount',
        { password: goodPassword },
        { token: session.accessToken },
      );
      expect(response.status).toBe(503);
    } finally {
      events.failing = false;
    }
    expect((await login(email, goodPassword)).status).toBe(200);
  });
});
