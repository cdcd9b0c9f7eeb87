import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPassword } from '@shop/db/seed';
import { createCellClient } from '../src/client';
import { createGateway } from '../src/gateway/create-gateway';
import { TokenBucketRateLimiter } from '../src/gateway/rate-limiter';
import type { CellHost } from '../src/host';
import { sealSessionCookie } from './support/session-cookie';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// A stand-in cell that answers with the headers it received.
let cell: Server;
let cellUrl: string;
const secret = 'gateway-identity-test-secret-not-used-anywhere-else';

beforeAll(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', secret);
  cell = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => cell.listen(0, '127.0.0.1', resolve));
  cellUrl = `http://127.0.0.1:${(cell.address() as AddressInfo).port}`;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => cell.close(() => resolve()));
});

const forward = createGateway({
  urlFor: (domain) => `${cellUrl}/trpc/${domain}`,
  limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
});

async function headersAtCell(requestHeaders: Record<string, string>): Promise<IncomingHttpHeaders> {
  const response = await forward(
    new Request('http://shop.test/api/cells/user/user.getProfile', { headers: requestHeaders }),
    { domain: 'user', path: ['user.getProfile'] },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as IncomingHttpHeaders;
}

/** A session as the storefront seals it (its audience), unless `claims` says otherwise. */
function sessionCookie(claims: Record<string, unknown>, withSecret = secret): Promise<string> {
  return sealSessionCookie({ sub: 'account-1', aud: 'shop-storefront', ...claims }, withSecret);
}

describe('the gateway attaches the signed-in user', () => {
  it('sends the access token from the next-auth session cookie as a bearer token', async () => {
    const sealed = await sessionCookie({ accessToken: 'access-abc' });
    const headers = await headersAtCell({
      cookie: `theme=dark; next-auth.session-token=${sealed}`,
    });
    expect(headers.authorization).toBe('Bearer access-abc');
    // The cookie itself never reaches the cell.
    expect(headers.cookie).toBeUndefined();
  });

  it('reads the secure cookie name used on https', async () => {
    const sealed = await sessionCookie({ accessToken: 'access-secure' });
    const headers = await headersAtCell({ cookie: `__Secure-next-auth.session-token=${sealed}` });
    expect(headers.authorization).toBe('Bearer access-secure');
  });

  it('joins a session cookie next-auth split into chunks', async () => {
    const sealed = await sessionCookie({ accessToken: 'access-chunked' });
    const middle = Math.floor(sealed.length / 2);
    const cookie = `next-auth.session-token.0=${sealed.slice(0, middle)}; next-auth.session-token.1=${sealed.slice(middle)}`;
    const headers = await headersAtCell({ cookie });
    expect(headers.authorization).toBe('Bearer access-chunked');
  });

  it('reads the cookie name an app chose instead of the default', async () => {
    const adminGateway = createGateway({
      urlFor: (domain) => `${cellUrl}/trpc/${domain}`,
      limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
      identity: { sessionCookieNames: ['shop-admin.session-token'], audience: 'shop-admin' },
    });
    const sealed = await sessionCookie({ accessToken: 'staff-token', aud: 'shop-admin' });
    const atCell = async (cookie: string) => {
      const response = await adminGateway(
        new Request('http://shop.test/api/cells/user/user.getProfile', { headers: { cookie } }),
        { domain: 'user', path: ['user.getProfile'] },
      );
      return ((await response.json()) as IncomingHttpHeaders).authorization;
    };
    expect(await atCell(`shop-admin.session-token=${sealed}`)).toBe('Bearer staff-token');
    // The storefront's cookie (same host, another port) is not the admin's session.
    expect(await atCell(`next-auth.session-token=${sealed}`)).toBeUndefined();
    // Nor is a shopper's storefront session renamed to the admin's cookie name (same secret).
    const shoppers = await sessionCookie({ accessToken: 'shopper-token' });
    expect(await atCell(`shop-admin.session-token=${shoppers}`)).toBeUndefined();
    // And the storefront's gateway does not take an admin session either.
    expect(
      (await headersAtCell({ cookie: `next-auth.session-token=${sealed}` })).authorization,
    ).toBeUndefined();
  });

  it("never forwards the browser's own authorization header", async () => {
    const sealed = await sessionCookie({ accessToken: 'forged-looking' });
    // next-auth's getToken would accept this header; the gateway must not.
    const headers = await headersAtCell({ authorization: `Bearer ${sealed}` });
    expect(headers.authorization).toBeUndefined();
  });

  it('attaches nothing for a cookie sealed with another secret or tampered with', async () => {
    const foreign = await sessionCookie({ accessToken: 'foreign' }, 'some-other-apps-secret');
    expect(
      (await headersAtCell({ cookie: `next-auth.session-token=${foreign}` })).authorization,
    ).toBeUndefined();
    const tampered = (await sessionCookie({ accessToken: 'x' })).slice(0, -4) + 'AAAA';
    expect(
      (await headersAtCell({ cookie: `next-auth.session-token=${tampered}` })).authorization,
    ).toBeUndefined();
  });

  it('attaches nothing once the session is marked as failed to refresh', async () => {
    const sealed = await sessionCookie({ accessToken: 'stale', error: 'RefreshFailed' });
    const headers = await headersAtCell({ cookie: `next-auth.session-token=${sealed}` });
    expect(headers.authorization).toBeUndefined();
  });
});

describe('a signed-in user’s session cannot be used from another origin (CSRF)', () => {
  let auth: CellHost;
  beforeAll(async () => {
    await seededTestDatabases();
    auth = await startTestHost(['auth']);
  });
  afterAll(() => stopTestHosts(auth));

  const ownOrigin = 'https://shop.example';
  const gateway = () =>
    createGateway({
      urlFor: () => `${auth.url}/trpc`,
      limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
      allowedOrigins: [ownOrigin],
    });

  /** A fresh sign-in of a demo shopper: its session cookie and its refresh token. */
  async function signedIn() {
    const client = createCellClient({ urlFor: () => `${auth.url}/trpc` });
    const tokens = await client.auth.login.mutate({
      email: 'shopper@example.com',
      password: demoPassword,
    });
    const cookie = `next-auth.session-token=${await sessionCookie({ accessToken: tokens.accessToken })}`;
    const stillSignedIn = () =>
      client.auth.refresh.mutate({ refreshToken: tokens.refreshToken }).then(
        () => true,
        () => false,
      );
    return { cookie, stillSignedIn };
  }

  const logoutEverywhere = (headers: Record<string, string>, body: RequestInit['body'] = '{}') =>
    gateway()(
      new Request('http://shop.test/api/cells/auth/auth.logoutEverywhere', {
        method: 'POST',
        headers,
        body,
      }),
      { domain: 'auth', path: ['auth.logoutEverywhere'] },
    );

  it('a POST from a sibling subdomain or another site signs nobody out', async () => {
    for (const [fetchSite, origin] of [
      ['same-site', 'https://evil.shop.example'],
      ['cross-site', 'https://evil.example'],
    ] as const) {
      const session = await signedIn();
      const response = await logoutEverywhere({
        cookie: session.cookie,
        'sec-fetch-site': fetchSite,
        origin,
        'content-type': 'application/json',
      });
      expect(response.status).toBe(403);
      expect(await session.stillSignedIn()).toBe(true);
    }
  });

  it('a form post (multipart, no preflight) from the app’s own origin reaches no mutation', async () => {
    const session = await signedIn();
    const form = new FormData();
    form.set('anything', 'x');
    const response = await logoutEverywhere(
      { cookie: session.cookie, 'sec-fetch-site': 'same-origin' },
      form,
    );
    expect(response.status).toBe(415);
    expect(await session.stillSignedIn()).toBe(true);
  });

  it('the app’s own page, as JSON, still signs out everywhere', async () => {
    const session = await signedIn();
    const fromPage = await logoutEverywhere({
      cookie: session.cookie,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    });
    expect(fromPage.status).toBe(200);
    expect(await session.stillSignedIn()).toBe(false);
  });
});
