import { createHash } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { loginThrottleLimits } from '../src/cells/auth/login-throttle';
import { errorOf, mutate, uniqueEmail } from './support/auth-calls';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

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
  it('per account: the same 429 and Retry-After whether or not the email exists', async () => {
    const answers = [];
    for (const email of ['support@example.com', uniqueEmail('nobody')]) {
      for (let attempt = 0; attempt < loginThrottleLimits.perAccount; attempt += 1) {
        // A new address each time: only the account's counter fills up.
        expect((await login(email, 'wrong password', `10.1.0.${attempt}`)).status).toBe(401);
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

    // Even the right password waits now; other accounts are not affected.
    expect((await login('support@example.com', 'demo-password-1', '10.1.2.1')).status).toBe(429);
    expect((await login('analyst@example.com', 'demo-password-1', '10.1.2.1')).status).toBe(200);
  });

  it('opens again once the window is over, counting from one', async () => {
    const email = uniqueEmail('window');
    for (let attempt = 0; attempt <= loginThrottleLimits.perAccount; attempt += 1) {
      await login(email, 'wrong password', `10.5.0.${attempt}`);
    }
    expect((await login(email, 'wrong password', '10.5.1.1')).status).toBe(429);

    // As if 15 minutes had passed (instead of waiting).
    const { LoginFailureCounter } = authModels(await connectDomainDatabase('auth'));
    const key = `account:${createHash('sha256').update(email).digest('hex')}`;
    await LoginFailureCounter.updateOne({ key }, { $set: { expiresAt: new Date(Date.now() - 1) } });
    for (let attempt = 0; attempt < loginThrottleLimits.perAccount; attempt += 1) {
      expect((await login(email, 'wrong password', `10.5.2.${attempt}`)).status).toBe(401);
    }
    expect((await login(email, 'wrong password', '10.5.3.1')).status).toBe(429);
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
        login('admin@example.com', `guess number ${index}`, `10.4.0.${index}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      loginThrottleLimits.perAccount,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      15 - loginThrottleLimits.perAccount,
    );
  });

  it('a successful sign-in forgives the account its earlier failures', async () => {
    const email = 'orders@example.com';
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < loginThrottleLimits.perAccount - 1; attempt += 1) {
        expect((await login(email, 'wrong password', `10.3.${round}.${attempt}`)).status).toBe(401);
      }
      expect((await login(email, 'demo-password-1', '10.3.9.9')).status).toBe(200);
    }
  });
});
