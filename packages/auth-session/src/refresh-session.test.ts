import { TRPCClientError } from '@shop/api/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A hand-written stand-in for the auth cell (vi.fn's result tracking reports rejections it
// observes as unhandled, even when the code under test handles them).
let cellAnswer: () => Promise<unknown> = () => Promise.reject(new Error('not set'));
const refreshCalls: string[] = [];
const refreshTokens = {
  mockResolvedValue: (value: unknown) => (cellAnswer = () => Promise.resolve(value)),
  mockReturnValue: (value: Promise<unknown>) => (cellAnswer = () => value),
  mockImplementation: (answer: () => Promise<unknown>) => (cellAnswer = answer),
};
vi.mock('./auth-cell', () => ({
  refreshTokens: (token: string) => {
    refreshCalls.push(token);
    return cellAnswer();
  },
}));
const { refreshedIfDue } = await import('./refresh-session');

const now = Date.parse('2026-01-01T12:00:00Z');
const account = { id: 'a1', email: 'ada@example.com', name: 'Ada', roles: [], emailVerified: true };

function session(accessExpiresInMs: number, refreshToken = `refresh-${Math.random()}`) {
  return {
    accessToken: 'old-access',
    accessTokenExpiresAt: now + accessExpiresInMs,
    refreshToken,
    refreshTokenExpiresAt: now + 86_400_000,
    account,
  };
}

function refusal(code: string) {
  return TRPCClientError.from({ error: { message: 'no', code: -32001, data: { code } } });
}

beforeEach(() => {
  refreshCalls.length = 0;
});

describe('silent refresh of the session tokens', () => {
  it('leaves a token with more than a minute to live alone', async () => {
    const token = session(5 * 60_000);
    expect(await refreshedIfDue(token, now)).toBe(token);
    expect(refreshCalls).toEqual([]);
  });

  it('refreshes within the last minute and keeps the new tokens and expiries', async () => {
    refreshTokens.mockResolvedValue({
      accessToken: 'new-access',
      accessTokenExpiresAt: new Date(now + 15 * 60_000).toISOString(),
      refreshToken: 'new-refresh',
      refreshTokenExpiresAt: new Date(now + 7 * 86_400_000).toISOString(),
      account,
    });
    const fresh = await refreshedIfDue(session(30_000), now);
    expect(fresh).toMatchObject({
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      accessTokenExpiresAt: now + 15 * 60_000,
    });
    expect(fresh.error).toBeUndefined();
  });

  it('refreshes a given refresh token once, however many requests ask at the same time', async () => {
    let answer: (value: unknown) => void = () => undefined;
    refreshTokens.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const token = session(10_000, 'shared-refresh');
    const both = Promise.all([refreshedIfDue(token, now), refreshedIfDue(token, now)]);
    answer({
      accessToken: 'once',
      accessTokenExpiresAt: new Date(now + 900_000).toISOString(),
      refreshToken: 'rotated',
      refreshTokenExpiresAt: new Date(now + 86_400_000).toISOString(),
      account,
    });
    const [first, second] = await both;
    expect(refreshCalls).toHaveLength(1);
    expect(first.refreshToken).toBe('rotated');
    expect(second.refreshToken).toBe('rotated');
  });

  it('ends the session when the auth cell refuses the refresh token', async () => {
    refreshTokens.mockImplementation(() => Promise.reject(refusal('UNAUTHORIZED')));
    expect((await refreshedIfDue(session(0), now)).error).toBe('RefreshFailed');
  });

  it('keeps the session when the auth cell is unreachable (tries again next request)', async () => {
    refreshTokens.mockImplementation(() => Promise.reject(new TRPCClientError('fetch failed')));
    const token = session(0);
    expect(await refreshedIfDue(token, now)).toBe(token);
  });

  it('ends a session whose refresh token has expired without asking the cell', async () => {
    const token = { ...session(0), refreshTokenExpiresAt: now - 1 };
    expect((await refreshedIfDue(token, now)).error).toBe('RefreshFailed');
    expect(refreshCalls).toEqual([]);
  });
});
