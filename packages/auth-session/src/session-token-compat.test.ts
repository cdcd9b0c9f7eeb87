import { attachIdentity } from '@shop/api/gateway';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sealSession } from './session-seal';

/**
 * The gateway (@shop/api) opens session cookies with jose instead of next-auth, so that the cells'
 * dependencies leave next-auth and Next.js out. This holds it to what next-auth really seals: a
 * next-auth upgrade that changed the format fails here, not in production.
 */
const secret = 'the apps secret, long enough for the gateway compatibility test';

/** The access token the gateway would send on to a cell for this session cookie, or null. */
async function accessTokenFromSession(sealed: string, options: { secret: string }) {
  const toCell = new Headers();
  const request = new Request('http://shop.test/api/cells/user/user.getProfile', {
    headers: { cookie: `next-auth.session-token=${sealed}` },
  });
  await attachIdentity(request, toCell, options);
  return toCell.get('authorization')?.replace(/^Bearer /, '') ?? null;
}

describe("the gateway reads next-auth's sessions", () => {
  it('finds the access token in a session the storefront sealed', async () => {
    const sealed = await sealSession(
      { accessToken: 'access-from-next-auth' },
      { secret, audience: 'shop-storefront' },
    );
    expect(await accessTokenFromSession(sealed, { secret })).toBe('access-from-next-auth');
  });

  it('reads nothing from a session sealed with another secret, for another app, or expired', async () => {
    const other = await sealSession(
      { accessToken: 'a' },
      { secret: `${secret} but not this one`, audience: 'shop-storefront' },
    );
    expect(await accessTokenFromSession(other, { secret })).toBeNull();

    const admin = await sealSession({ accessToken: 'a' }, { secret, audience: 'shop-admin' });
    expect(await accessTokenFromSession(admin, { secret })).toBeNull();

    // next-auth's own encode, already past its expiry (beyond the 15 s clock tolerance).
    const expired = await encode({
      token: { accessToken: 'a', aud: 'shop-storefront' },
      secret,
      maxAge: -60,
    });
    expect(await accessTokenFromSession(expired, { secret })).toBeNull();
  });
});
