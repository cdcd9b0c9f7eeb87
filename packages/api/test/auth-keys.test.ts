import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSigningKeys } from '../src/cells/auth/signing-keys';
import type { CellHost } from '../src/host';
import { dataOf, mutate, query } from './support/auth-calls';
import { request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let authHost: CellHost;
let analyticsHost: CellHost;
const saved = { ...process.env };

beforeAll(async () => {
  await seededTestDatabases();
  authHost = await startTestHost(['auth']);
  process.env.AUTH_CELL_URL = authHost.url;
  // No refetch cooldown in this test: a new kid right after the last fetch is fetched at once.
  process.env.AUTH_JWKS_COOLDOWN_MS = '0';
  analyticsHost = await startTestHost(['analytics']);
});
afterAll(async () => {
  await stopTestHosts(authHost, analyticsHost);
  for (const name of ['AUTH_CELL_URL', 'AUTH_JWKS_COOLDOWN_MS', 'AUTH_KEY_ACTIVATION_DELAY_MS']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const publishedKids = async () =>
  (
    (await request(`${authHost.url}/.well-known/jwks.json`)).json as { keys: { kid: string }[] }
  ).keys.map((key) => key.kid);
const analyticsAccepts = async (token: string) =>
  (await query(analyticsHost.url, 'analytics.summary', undefined, { token })).status === 200;
const authAccepts = async (token: string) =>
  (await query(authHost.url, 'auth.me', undefined, { token })).status === 200;

async function rotate(adminToken: string) {
  const response = await mutate(authHost.url, 'auth.rotateSigningKey', undefined, {
    token: adminToken,
  });
  expect(response.status, response.text).toBe(200);
  return dataOf<{ kid: string; activatesAt: string }>(response);
}

describe('signing key rotation', () => {
  it('a rotated-in key waits until every replica publishes it before it signs', async () => {
    delete process.env.AUTH_KEY_ACTIVATION_DELAY_MS;
    const admin = await loginAs(authHost.url, 'admin@example.com');
    const rotated = await rotate(admin);
    expect(Date.parse(rotated.activatesAt) - Date.now()).toBeGreaterThan(60_000);
    expect(await publishedKids()).toContain(rotated.kid);
    // Still signed with the current key.
    expect(kidOf(await loginAs(authHost.url, 'analyst@example.com'))).not.toBe(rotated.kid);
  });

  it('old tokens keep working after a rotation, new ones use the new key in every cell', async () => {
    process.env.AUTH_KEY_ACTIVATION_DELAY_MS = '0';
    const before = await loginAs(authHost.url, 'analyst@example.com');
    expect(await analyticsAccepts(before)).toBe(true); // the analytics host has fetched the keys

    const rotated = await rotate(await loginAs(authHost.url, 'admin@example.com'));
    const after = await loginAs(authHost.url, 'analyst@example.com');
    expect(kidOf(after)).toBe(rotated.kid);
    expect(kidOf(after)).not.toBe(kidOf(before));

    // The analytics host meets an unknown kid and refetches the published keys.
    expect(await analyticsAccepts(after)).toBe(true);
    expect(await analyticsAccepts(before)).toBe(true);
    expect(await authAccepts(before)).toBe(true);
    expect(await publishedKids()).toEqual(expect.arrayContaining([kidOf(before), rotated.kid]));
  });

  it('once a retired key has outlived its tokens it is unpublished and its tokens refused', async () => {
    process.env.AUTH_KEY_ACTIVATION_DELAY_MS = '0';
    const old = await loginAs(authHost.url, 'analyst@example.com');
    await rotate(await loginAs(authHost.url, 'admin@example.com'));
    expect(await authAccepts(old)).toBe(true);

    // As if the rotation happened long ago (instead of waiting 17 minutes).
    const { SigningKey } = authModels(await connectDomainDatabase('auth'));
    await SigningKey.updateOne(
      { kid: kidOf(old) },
      { $set: { retiredAt: new Date(Date.now() - 60 * 60_000) } },
    );
    forgetSigningKeys(); // the auth host's one-minute key cache
    expect(await publishedKids()).not.toContain(kidOf(old));
    expect(await authAccepts(old)).toBe(false);
    expect(await authAccepts(await loginAs(authHost.url, 'analyst@example.com'))).toBe(true);
  });

  it('only accounts:manage may rotate', async () => {
    const analyst = await loginAs(authHost.url, 'analyst@example.com');
    const response = await mutate(authHost.url, 'auth.rotateSigningKey', undefined, {
      token: analyst,
    });
    expect(response.status).toBe(403);
  });
});
