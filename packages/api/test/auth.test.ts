import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSigningKey } from '../src/cells/auth/signing-keys';
import type { CellHost } from '../src/host';
import { signAccessToken } from '../src/identity/access-token';
import { bearer, queryUrl, request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let authHost: CellHost;
let analyticsHost: CellHost;
const sharedAuthUrl = process.env.AUTH_CELL_URL;

beforeAll(async () => {
  await seededTestDatabases();
  authHost = await startTestHost(['auth']);
  // The analytics host verifies tokens against the auth host's published keys, over HTTP.
  process.env.AUTH_CELL_URL = authHost.url;
  analyticsHost = await startTestHost(['analytics']);
});
afterAll(async () => {
  await stopTestHosts(authHost, analyticsHost);
  process.env.AUTH_CELL_URL = sharedAuthUrl;
});

const summaryFor = (token: string) =>
  request(queryUrl(analyticsHost.url, 'analytics.summary'), { headers: bearer(token) });

const claims = { email: 'analyst@example.com', roles: ['analyst'] };
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-in', () => {
  it('returns a 5-minute token (staff) and the account for a seeded staff member', async () => {
    const response = await request(`${authHost.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Analyst@Example.com ', password: 'demo-password-1' }),
    });
    expect(response.status).toBe(200);
    const { result } = response.json as {
      result: { data: { accessToken: string; accessTokenExpiresAt: string; account: unknown } };
    };
    expect(result.data.account).toMatchObject({ email: 'analyst@example.com', roles: ['analyst'] });
    const lifetimeMs = Date.parse(result.data.accessTokenExpiresAt) - Date.now();
    expect(lifetimeMs).toBeGreaterThan(4 * 60_000);
    expect(lifetimeMs).toBeLessThanOrEqual(5 * 60_000);
    expect(decodeProtectedHeader(result.data.accessToken)).toMatchObject({ alg: 'RS256' });
  });

  it('publishes the public key (and only the public part) at /.well-known/jwks.json', async () => {
    const response = await request(`${authHost.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = response.json as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });
});

describe('tokens across cells', () => {
  it('another cell, in another host, accepts a token the auth cell issued', async () => {
    const token = await loginAs(authHost.url, 'analyst@example.com');
    const response = await summaryFor(token);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      result: { data: { eventsLast24h: expect.any(Number), topSearches: expect.any(Array) } },
    });
  });

  it('refuses a token signed with another key, even under the real key id', async () => {
    const real = await loginAs(authHost.url, 'analyst@example.com');
    const { kid } = decodeProtectedHeader(real);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('someone')
      .setIssuer('shop-auth')
      .setAudience('shop-cells')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await summaryFor(forged)).status).toBe(401);
  });

  it('refuses a token with an unknown key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-known-key' })
      .setSubject('someone')
      .setIssuer('shop-auth')
      .setAudience('shop-cells')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await summaryFor(forged)).status).toBe(401);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const payload = {
      ...claims,
      sub: 'someone',
      iss: 'shop-auth',
      aud: 'shop-cells',
      exp: Math.floor(Date.now() / 1000) + 300,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    expect((await summaryFor(unsigned)).status).toBe(401);
  });

  it('refuses an HS256 token keyed with the published public key', async () => {
    const jwks = (await request(`${authHost.url}/.well-known/jwks.json`)).json as {
      keys: { kid: string; n: string }[];
    };
    const publicKey = jwks.keys[0]!;
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: publicKey.kid })
      .setSubject('someone')
      .setIssuer('shop-auth')
      .setAudience('shop-cells')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicKey.n));
    expect((await summaryFor(forged)).status).toBe(401);
  });

  it('refuses a genuine token once its 15 minutes are over', async () => {
    const key = await currentSigningKey();
    const subject = {
      accountId: 'analyst',
      email: 'analyst@example.com',
      roles: ['analyst'] as const,
    };
    const fresh = await signAccessToken(key, subject);
    expect((await summaryFor(fresh.accessToken)).status).toBe(200);

    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
    const expired = await signAccessToken(key, subject, sixteenMinutesAgo);
    expect((await summaryFor(expired.accessToken)).status).toBe(401);
  });

  it('refuses a token signed by the real key for another audience or issuer', async () => {
    const { kid, privateKey } = await currentSigningKey();
    const signed = (issuer: string, audience: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('analyst')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime('5m')
        .sign(privateKey);
    expect((await summaryFor(await signed('shop-auth', 'someone-else'))).status).toBe(401);
    expect((await summaryFor(await signed('someone-else', 'shop-cells'))).status).toBe(401);
  });
});
