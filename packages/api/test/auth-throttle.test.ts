import { createHash } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { loginThrottleLimits } from '../src/cells/auth/login-throttle';
import { dataOf, errorOf, mutate, uniqueEmail } from './support/auth-calls';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { sameOriginJson, startAppEdge, type AppEdge } from './support/app-edge';
import { request } from './support/http';

let host: CellHost;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth']);
});
afterAll(() => stopTestHosts(host));

/** A login from `address` (the gateway sets x-forwarded-for to the browser's address). */
const login = (email: string, password: string, address: string) =>
  mutate(host.url, 'auth.login', { email, password }, { headers: { 'x-forwarded-for': address } });

describe('failed sign-ins are throttled', () => {
  it('per account and address: the same 429 and Retry-After whether or not the email exists', async () => {
    const answers = [];
    for (const email of ['support@example.com', uniqueEmail('nobody')]) {
      for (let attempt = 0; attempt < loginThrottleLimits.perAccountAndAddress; attempt += 1) {
        expect((await login(email, 'wrong password', '10.1.1.1')).status).toBe(401);
      }
      const refused = await login(email, 'wrong password', '10.1.1.1');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(errorOf(refused).data.retryAfterSeconds).toBe(retryAfter);
      answers.push(errorOf(refused).message);
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toBe('Too many failed sign-in attempts; try again later');

    // Even the right password waits now, from that address; other accounts are not affected.
    expect((await login('support@example.com', 'demo-password-1', '10.1.1.1')).status).toBe(429);
    expect((await login('analyst@example.com', 'demo-password-1', '10.1.1.1')).status).toBe(200);
  });

  it('opens again once the window is over, counting from one', async () => {
    const email = uniqueEmail('window');
    for (let attempt = 0; attempt <= loginThrottleLimits.perAccountAndAddress; attempt += 1) {
      await login(email, 'wrong password', '10.5.0.1');
    }
    expect((await login(email, 'wrong password', '10.5.0.1')).status).toBe(429);

    // As if 15 minutes had passed (instead of waiting).
    const { LoginFailureCounter } = authModels(await connectDomainDatabase('auth'));
    const key = `pair:${createHash('sha256').update(email).digest('hex')}:10.5.0.1`;
    await LoginFailureCounter.updateOne({ key }, { $set: { expiresAt: new Date(Date.now() - 1) } });
    for (let attempt = 0; attempt < loginThrottleLimits.perAccountAndAddress; attempt += 1) {
      expect((await login(email, 'wrong password', '10.5.0.1')).status).toBe(401);
    }
    expect((await login(email, 'wrong password', '10.5.0.1')).status).toBe(429);
  });

  it('per client address, across many emails', async () => {
    const address = '10.2.0.1';
    // Concurrent, as a spraying attacker would: every failure is still counted.
    const attempts = await Promise.all(
      Array.from({ length: loginThrottleLimits.perAddress }, () =>
        login(uniqueEmail('spray'), 'wrong password', address),
      ),
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual(attempts.map(() => 401));
    const refused = await login('catalog@example.com', 'demo-password-1', address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // The same account from another address is fine.
    expect((await login('catalog@example.com', 'demo-password-1', '10.2.0.2')).status).toBe(200);
  });

  it('a burst of concurrent guesses at one account gets no more than the limit through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        login('admin@example.com', `guess number ${index}`, '10.4.0.1'),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      loginThrottleLimits.perAccountAndAddress,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      15 - loginThrottleLimits.perAccountAndAddress,
    );
  });

  it('a successful sign-in forgives the account its earlier failures', async () => {
    const email = 'orders@example.com';
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < loginThrottleLimits.perAccountAndAddress - 1; attempt += 1) {
        expect((await login(email, 'wrong password', '10.3.9.9')).status).toBe(401);
      }
      expect((await login(email, 'demo-password-1', '10.3.9.9')).status).toBe(200);
    }
  });
});

/** A login that sends the device token an earlier sign-in on that device returned. */
const loginOnDevice = (email: string, password: string, address: string, deviceToken: string) =>
  mutate(
    host.url,
    'auth.login',
    { email, password, deviceToken },
    { headers: { 'x-forwarded-for': address } },
  );

/** `count` wrong passwords at `email`, each from an address of its own, a few at a time. */
async function distributedGuesses(email: string, count: number, subnet: string) {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, offset) => {
      const index = start + offset;
      return login(email, `guess ${index}`, `${subnet}.${Math.floor(index / 250)}.${index % 250}`);
    });
    statuses.push(...(await Promise.all(batch)).map((answer) => answer.status));
  }
  return statuses;
}

describe('guessing does not lock the owner out', () => {
  it('wrong passwords from one address do not stop the right one from another address', async () => {
    for (const email of ['support@example.com', 'admin@example.com']) {
      // A fresh window for these accounts (earlier tests guessed at them too).
      const { LoginFailureCounter } = authModels(await connectDomainDatabase('auth'));
      await LoginFailureCounter.deleteMany({});
      for (let attempt = 0; attempt <= loginThrottleLimits.perAccountAndAddress; attempt += 1) {
        await login(email, 'wrong password', '10.6.0.1');
      }
      expect((await login(email, 'wrong password', '10.6.0.1')).status).toBe(429);
      // The owner, elsewhere, signs in.
      const owner = await login(email, 'demo-password-1', '10.6.9.9');
      expect(owner.status, owner.text).toBe(200);
    }
  });

  it('the account-wide ceiling stops a distributed attack, but not a device that signed in before', async () => {
    const email = 'orders@example.com';
    const signedIn = await login(email, 'demo-password-1', '10.7.0.1');
    expect(signedIn.status).toBe(200);
    const { deviceToken } = dataOf<{ deviceToken: string }>(signedIn);
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Every guess from a new address: no pair limit trips, the account's ceiling does.
    const statuses = await distributedGuesses(email, loginThrottleLimits.perAccount + 5, '10.8');
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      loginThrottleLimits.perAccount,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);

    // A new address is refused even with the right password, and told when to come back...
    const stranger = await login(email, 'demo-password-1', '10.9.0.1');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    // ...while the owner's devices get in: the address they signed in from, or the device token
    // their app kept, from an address never seen before.
    expect((await login(email, 'demo-password-1', '10.7.0.1')).status).toBe(200);
    const travelling = await loginOnDevice(email, 'demo-password-1', '10.9.0.2', deviceToken);
    expect(travelling.status, travelling.text).toBe(200);
    // The token is renewed, not replaced.
    expect(dataOf<{ deviceToken: string }>(travelling).deviceToken).toBe(deviceToken);
    // A known device still guesses no faster than the pair limit.
    for (let attempt = 0; attempt < loginThrottleLimits.perAccountAndAddress; attempt += 1) {
      expect((await loginOnDevice(email, 'wrong', '10.9.0.3', deviceToken)).status).toBe(401);
    }
    expect((await loginOnDevice(email, 'wrong', '10.9.0.3', deviceToken)).status).toBe(429);
  });

  it("a device token opens only its own account's ceiling", async () => {
    const mine = dataOf<{ deviceToken: string }>(
      await login('analyst@example.com', 'demo-password-1', '10.10.0.1'),
    );
    const target = 'catalog@example.com';
    await distributedGuesses(target, loginThrottleLimits.perAccount, '10.11');
    const answer = await loginOnDevice(target, 'demo-password-1', '10.10.0.2', mine.deviceToken);
    expect(answer.status).toBe(429);
    // A made-up token is no better.
    const madeUp = await loginOnDevice(target, 'demo-password-1', '10.10.0.3', 'A'.repeat(43));
    expect(madeUp.status).toBe(429);
    expect(errorOf(madeUp).message).toBe('Too many failed sign-in attempts; try again later');
  });
});

describe('the address a sign-in is counted against', () => {
  // The auth cell as production runs it: behind the internal credential, reached through an
  // app's edge (the production entry and the gateway).
  const cellCredential = 'auth-throttle-test-credential-0123456789';
  let guardedHost: CellHost;
  let edge: AppEdge;
  beforeAll(async () => {
    guardedHost = await startTestHost(['auth'], { cellCredential });
    edge = await startAppEdge({ cellUrl: guardedHost.url, cellCredential });
  });
  afterAll(async () => {
    await edge.stop();
    await guardedHost.close();
  });

  it('a rotating X-Forwarded-For through the app does not spread a sprayer over many addresses', async () => {
    const attempt = (index: number, email: string) =>
      request(`${edge.url}/api/cells/auth/auth.login`, {
        method: 'POST',
        // A new address on every call, as the black-box test sent them.
        headers: { ...sameOriginJson, 'x-forwarded-for': `10.9.${index}.${index}` },
        body: JSON.stringify({ email, password: 'wrong password' }),
      });
    for (let index = 0; index < loginThrottleLimits.perAddress; index += 1) {
      expect((await attempt(index, uniqueEmail('rotating'))).status).toBe(401);
    }
    // The app counted every guess against the one address it saw them come from.
    const refused = await attempt(99, uniqueEmail('rotating'));
    expect(refused.status).toBe(429);
    expect(errorOf(refused).message).toBe('Too many failed sign-in attempts; try again later');
  });

  it('straight to a cell that requires the credential, a forged address gets nowhere', async () => {
    const direct = await mutate(
      guardedHost.url,
      'auth.login',
      { email: 'catalog@example.com', password: 'wrong password' },
      { headers: { 'x-forwarded-for': '10.9.200.1' } },
    );
    expect(direct.status).toBe(401);
    expect(direct.json).toEqual({
      error: 'this cell answers only the platform itself (missing or wrong internal credential)',
    });
  });
});
