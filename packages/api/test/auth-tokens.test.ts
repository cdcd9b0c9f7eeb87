import { decodeProtectedHeader, decodeJwt } from 'jose';
import { requireRealMongo, waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startEventCapture, type EventCapture } from './support/auth-event-capture';
import { captureLogs, type CapturedLogs } from './support/log-capture';
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
import type { issueRefreshToken as IssueRefreshToken } from '../src/cells/auth/refresh-tokens';

let events: EventCapture;
let authHost: CellHost;
let otherHost: CellHost;
let loggedHost: CellHost;
let logs: CapturedLogs;
let stopTestHosts: typeof StopTestHosts;
let issueRefreshToken: typeof IssueRefreshToken;

beforeAll(async () => {
  events = await startEventCapture();
  // Read when the cells' Inngest clients are created, so set before the cells are imported.
  process.env.INNGEST_DEV = '1';
  process.env.INNGEST_BASE_URL = events.url;
  const testHost = await import('./support/test-host');
  stopTestHosts = testHost.stopTestHosts;
  await testHost.seededTestDatabases();
  authHost = await testHost.startTestHost(['auth']);
  process.env.AUTH_CELL_URL = authHost.url;
  // A cell in another host verifies the tokens with the published keys, over HTTP.
  otherHost = await testHost.startTestHost(['analytics']);
  logs = captureLogs();
  loggedHost = await testHost.startTestHost(['auth'], { logger: logs.logger });
  ({ issueRefreshToken } = await import('../src/cells/auth/refresh-tokens'));
});
afterAll(async () => {
  await stopTestHosts?.(authHost, otherHost, loggedHost);
  await events?.stop();
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_BASE_URL;
  delete process.env.AUTH_CELL_URL;
});

async function register(email = uniqueEmail(), password = goodPassword, name = 'Rita Register') {
  const response = await mutate(authHost.url, 'auth.register', { email, password, name });
  expect(response.status, response.text).toBe(200);
  return dataOf<TokenSetBody>(response);
}

const refresh = (refreshToken: string) => mutate(authHost.url, 'auth.refresh', { refreshToken });

describe('register', () => {
  it('creates a customer, signs them in and announces it', async () => {
    const email = uniqueEmail('Mixed.Case');
    const tokens = await register(`  ${email.toUpperCase()} `);
    expect(tokens.account).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'Rita Register',
      roles: ['customer'],
      emailVerified: false,
    });
    expect(decodeProtectedHeader(tokens.accessToken)).toMatchObject({ alg: 'RS256' });
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ sub: tokens.account.id });
    const accessLifetime = Date.parse(tokens.accessTokenExpiresAt) - Date.now();
    expect(accessLifetime).toBeGreaterThan(14 * 60_000);
    expect(accessLifetime).toBeLessThanOrEqual(15 * 60_000);
    const refreshLifetime = Date.parse(tokens.refreshTokenExpiresAt) - Date.now();
    expect(refreshLifetime).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(refreshLifetime).toBeLessThanOrEqual(7 * 24 * 3600_000);

    expect(events.latest('auth/user.registered', { accountId: tokens.account.id })?.data).toEqual({
      accountId: tokens.account.id,
      email: email.toLowerCase(),
      name: 'Rita Register',
    });
    const verification = events.latest('auth/email-verification.requested', {
      accountId: tokens.account.id,
    });
    expect(verification?.data).toMatchObject({
      email: email.toLowerCase(),
      token: expect.any(String),
    });
  });

  it('refuses an email that is already registered, whatever its case, with 409', async () => {
    const email = uniqueEmail();
    await register(email);
    const again = await mutate(authHost.url, 'auth.register', {
      email: email.toUpperCase(),
      password: 'another good passphrase',
      name: 'Someone Else',
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toBe('This email is already registered');
  });

  it('of two concurrent registrations of one email, one gets 409 (needs a real MongoDB: the fallback does not enforce the unique index the race depends on)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    const email = uniqueEmail('race');
    const answers = await Promise.all(
      ['First', 'Second'].map((name) =>
        mutate(authHost.url, 'auth.register', { email, password: goodPassword, name }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it.each([
    ['too short', 'short1', /at least 10/],
    ['over 72 bytes', 'ü'.repeat(40), /at most 72 bytes/],
    ['over 128 characters', 'x'.repeat(129), /at most 128/],
    ['one of the most common', 'Password123', /most common/],
    ['the email itself', 'SAME', /not be your email/],
  ])('refuses a password that is %s, naming the field', async (_label, password, message) => {
    const email = uniqueEmail('policy');
    const response = await mutate(authHost.url, 'auth.register', {
      email,
      password: password === 'SAME' ? email.toUpperCase() : password,
      name: 'Pat Policy',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).data.issues).toEqual(
      expect.arrayContaining([{ path: 'password', message: expect.stringMatching(message) }]),
    );
  });

  it('names the email and name fields when they are wrong', async () => {
    const response = await mutate(authHost.url, 'auth.register', {
      email: 'not-an-email',
      password: goodPassword,
      name: '  ',
    });
    expect(response.status).toBe(400);
    const paths = errorOf(response).data.issues?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'name']));
  });

  it('still registers when the event cannot be sent', async () => {
    events.failing = true;
    try {
      await register();
    } finally {
      events.failing = false;
    }
  });
});

describe('the token life cycle', () => {
  it('login, use, refresh (rotating), logout', async () => {
    const email = uniqueEmail();
    await register(email);
    const login = await mutate(authHost.url, 'auth.login', { email, password: goodPassword });
    expect(login.status).toBe(200);
    const first = dataOf<TokenSetBody>(login);

    // Another cell accepts the access token; the auth cell says who it is.
    const me = await query(authHost.url, 'auth.me', undefined, { token: first.accessToken });
    expect(dataOf(me)).toMatchObject({ email, roles: ['customer'] });
    expect(
      (await query(otherHost.url, 'analytics.summary', undefined, { token: first.accessToken }))
        .status,
    ).toBe(403);

    const second = dataOf<TokenSetBody>(await refresh(first.refreshToken));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.account.email).toBe(email);
    const third = dataOf<TokenSetBody>(await refresh(second.refreshToken));

    const logout = await mutate(authHost.url, 'auth.logout', { refreshToken: third.refreshToken });
    expect(dataOf(logout)).toEqual({ ok: true });
    expect((await refresh(third.refreshToken)).status).toBe(401);
    // Logging out again (or with an unknown token) is fine.
    expect(
      (await mutate(authHost.url, 'auth.logout', { refreshToken: third.refreshToken })).status,
    ).toBe(200);
    expect(
      (await mutate(authHost.url, 'auth.logout', { refreshToken: 'x'.repeat(43) })).status,
    ).toBe(200);
  });

  it('a reused refresh token revokes its whole family, and only that family', async () => {
    const email = uniqueEmail();
    const stolenFamily = await register(email);
    const elsewhere = dataOf<TokenSetBody>(
      await mutate(authHost.url, 'auth.login', { email, password: goodPassword }),
    );
    const rotated = dataOf<TokenSetBody>(await refresh(stolenFamily.refreshToken));

    const reuse = await refresh(stolenFamily.refreshToken);
    expect(reuse.status).toBe(401);
    expect(errorOf(reuse).message).toBe('Your session has ended; sign in again');
    // The newer token of that family is dead too; the other session is untouched.
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(200);
  });

  it('logs a reuse as a warning, and never a token or a password', async () => {
    const email = uniqueEmail();
    const session = await register(email);
    const password = 'a password for the logs test';
    await mutate(loggedHost.url, 'auth.login', { email, password: 'wrong password here' });
    const rotated = dataOf<TokenSetBody>(
      await mutate(loggedHost.url, 'auth.refresh', { refreshToken: session.refreshToken }),
    );
    expect(
      (await mutate(loggedHost.url, 'auth.refresh', { refreshToken: session.refreshToken })).status,
    ).toBe(401);
    await mutate(loggedHost.url, 'auth.register', { email: uniqueEmail(), password, name: 'L' });

    const warning = logs.lines.find(
      (line) => line.message === 'refresh token reused: session revoked',
    );
    expect(warning).toMatchObject({ level: 'WARN', metadata: { accountId: session.account.id } });
    const everything = JSON.stringify(logs.lines);
    for (const secret of [
      session.refreshToken,
      rotated.refreshToken,
      rotated.accessToken,
      password,
      'wrong password here',
      email,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('of two concurrent uses of one refresh token, exactly one succeeds', async () => {
    const tokens = await register();
    const answers = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('refuses an expired refresh token', async () => {
    const tokens = await register();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    const { Types } = await import('mongoose');
    const old = await issueRefreshToken(
      new Types.ObjectId(tokens.account.id),
      undefined,
      eightDaysAgo,
    );
    expect((await refresh(old.refreshToken)).status).toBe(401);
  });

  it('logoutEverywhere ends every session', async () => {
    const email = uniqueEmail();
    const a = await register(email);
    const b = dataOf<TokenSetBody>(
      await mutate(authHost.url, 'auth.login', { email, password: goodPassword }),
    );
    const everywhere = await mutate(authHost.url, 'auth.logoutEverywhere', undefined, {
      token: a.accessToken,
    });
    expect(dataOf(everywhere)).toEqual({ ok: true });
    expect((await refresh(a.refreshToken)).status).toBe(401);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    expect((await mutate(authHost.url, 'auth.logoutEverywhere')).status).toBe(401);
  });
});

describe('hostile input', () => {
  it.each([
    ['an operator object as the email', { email: { $gt: '' }, password: goodPassword }],
    ['an operator object as the password', { email: 'shopper@example.com', password: { $gt: '' } }],
    ['a regex as the email', { email: { $regex: '.*' }, password: 'x' }],
    ['an array as the email', { email: ['shopper@example.com'], password: 'x' }],
    ['a huge email', { email: `${'a'.repeat(10_000)}@example.com`, password: 'x' }],
    ['no password', { email: 'shopper@example.com' }],
  ])('login refuses %s with 400', async (_label, input) => {
    const response = await mutate(authHost.url, 'auth.login', input);
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/stack/);
  });

  it.each([
    ['an operator object', { refreshToken: { $ne: null } }],
    ['a huge string', { refreshToken: 'a'.repeat(100_000) }],
    ['a number', { refreshToken: 42 }],
  ])('refresh refuses %s as the token with 400', async (_label, input) => {
    expect((await mutate(authHost.url, 'auth.refresh', input)).status).toBe(400);
  });

  it('register refuses operator objects and oversized names with 400', async () => {
    for (const input of [
      { email: { $gt: '' }, password: goodPassword, name: 'N' },
      { email: uniqueEmail(), password: { $gt: '' }, name: 'N' },
      { email: uniqueEmail(), password: goodPassword, name: 'n'.repeat(5_000) },
    ]) {
      expect((await mutate(authHost.url, 'auth.register', input)).status).toBe(400);
    }
  });
});

describe("a revoked session's access token", () => {
  let userHost: CellHost;
  beforeAll(async () => {
    // A cell in a host without the auth cell: it reads the revocation list over HTTP.
    const { startTestHost } = await import('./support/test-host');
    userHost = await startTestHost(['user']);
  });
  afterAll(() => userHost?.close());

  const profileStatus = async (accessToken: string) =>
    (await query(userHost.url, 'user.getProfile', undefined, { token: accessToken })).status;

  /**
   * Polls until the other cell refuses the token. The bound the cells promise
   * (docs/architecture.md, Identity) is about 4 s: a list at most 3 s old, read from an auth cell
   * whose copy is at most 1 s old; waited for, not timed, since these machines are slow.
   */
  async function refusedSoon(accessToken: string, host = userHost, path = 'user.getProfile') {
    await waitFor(
      async () => (await query(host.url, path, undefined, { token: accessToken })).status === 401,
      { what: `${path} to refuse the revoked session`, timeoutMs: 15_000 },
    );
  }

  it('is refused by another cell soon after sign-out; other sessions keep working', async () => {
    const email = uniqueEmail();
    const signedOut = await register(email);
    const other = dataOf<TokenSetBody>(
      await mutate(authHost.url, 'auth.login', { email, password: goodPassword }),
    );
    expect(await profileStatus(signedOut.accessToken)).toBe(200);

    await mutate(authHost.url, 'auth.logout', { refreshToken: signedOut.refreshToken });
    await refusedSoon(signedOut.accessToken);
    expect(await profileStatus(other.accessToken)).toBe(200);
    // The auth cell's own procedures refuse it too.
    await refusedSoon(signedOut.accessToken, authHost, 'auth.me');
  });

  it('through the gateway: a signed-out browser session stops reaching the cells', async () => {
    const { createGateway } = await import('../src/gateway/create-gateway');
    const { TokenBucketRateLimiter } = await import('../src/gateway/rate-limiter');
    const { sealSessionCookie } = await import('./support/session-cookie');
    const secret = 'auth-tokens-gateway-secret-not-used-anywhere-else';
    const gateway = createGateway({
      urlFor: () => `${userHost.url}/trpc`,
      limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
      identity: { secret },
    });
    const session = await register();
    // The browser keeps its copy of the session cookie (sign-out only clears the browser's own).
    const cookie = `next-auth.session-token=${await sealSessionCookie(
      { sub: session.account.id, aud: 'shop-storefront', accessToken: session.accessToken },
      secret,
    )}`;
    const profileThroughGateway = async () =>
      (
        await gateway(
          new Request('http://shop.test/api/cells/user/user.getProfile', { headers: { cookie } }),
          { domain: 'user', path: ['user.getProfile'] },
        )
      ).status;
    expect(await profileThroughGateway()).toBe(200);

    await mutate(authHost.url, 'auth.logout', { refreshToken: session.refreshToken });
    await waitFor(async () => (await profileThroughGateway()) === 401, {
      what: 'the gateway call with the signed-out session to be refused',
      timeoutMs: 15_000,
    });
  });

  it('is refused once a reused refresh token ends the session', async () => {
    const stolen = await register();
    const rotated = dataOf<TokenSetBody>(await refresh(stolen.refreshToken));
    expect(await profileStatus(rotated.accessToken)).toBe(200);
    expect((await refresh(stolen.refreshToken)).status).toBe(401);
    await refusedSoon(rotated.accessToken);
  });

  it('is refused after logoutEverywhere, for every session of the account', async () => {
    const email = uniqueEmail();
    const a = await register(email);
    const b = dataOf<TokenSetBody>(
      await mutate(authHost.url, 'auth.login', { email, password: goodPassword }),
    );
    await mutate(authHost.url, 'auth.logoutEverywhere', undefined, { token: a.accessToken });
    await refusedSoon(a.accessToken);
    await refusedSoon(b.accessToken);
  });

  it('staff tokens live 5 minutes, customer tokens 15', async () => {
    const staff = dataOf<TokenSetBody>(
      await mutate(authHost.url, 'auth.login', {
        email: 'analyst@example.com',
        password: 'demo-password-1',
      }),
    );
    const staffLifetime = Date.parse(staff.accessTokenExpiresAt) - Date.now();
    expect(staffLifetime).toBeGreaterThan(4 * 60_000);
    expect(staffLifetime).toBeLessThanOrEqual(5 * 60_000);
    const { exp, iat } = decodeJwt(staff.accessToken);
    expect(exp! - iat!).toBe(5 * 60);
    const customer = await register();
    const { exp: customerExp, iat: customerIat } = decodeJwt(customer.accessToken);
    expect(customerExp! - customerIat!).toBe(15 * 60);
  });
});
