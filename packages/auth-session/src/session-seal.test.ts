import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { audienceBoundJwt, openSession, sealSession } from './session-seal';

const secret = 'one secret both apps were given, long enough';
const account = { id: 'c1', email: 'cus@example.com', name: 'Cus', roles: [], emailVerified: true };

describe('sessions sealed for one app', () => {
  it('open in the app that sealed them, and in no other, with the same secret', async () => {
    const sealed = await sealSession(
      { accessToken: 'a', account },
      { secret, audience: 'shop-storefront' },
    );
    expect(await openSession(sealed, { secret, audience: 'shop-storefront' })).toMatchObject({
      accessToken: 'a',
      aud: 'shop-storefront',
    });
    expect(await openSession(sealed, { secret, audience: 'shop-admin' })).toBeNull();
  });

  it('refuse a session sealed before sessions named their app (no audience at all)', async () => {
    const legacy = await encode({ token: { accessToken: 'a', account }, secret });
    expect(await openSession(legacy, { secret, audience: 'shop-admin' })).toBeNull();
  });

  it('open nothing from garbage or another secret, without throwing', async () => {
    const sealed = await sealSession({ accessToken: 'a' }, { secret, audience: 'shop-admin' });
    expect(await openSession('not a jwt', { secret, audience: 'shop-admin' })).toBeNull();
    expect(
      await openSession(sealed, { secret: `${secret} but another`, audience: 'shop-admin' }),
    ).toBeNull();
  });

  it('stamp the audience into everything next-auth seals, whatever the token says', async () => {
    const jwt = audienceBoundJwt('shop-admin');
    const sealed = await jwt.encode({
      token: { accessToken: 'a', aud: 'shop-storefront' },
      secret,
    });
    expect((await decode({ token: sealed, secret }))?.aud).toBe('shop-admin');
    expect(await jwt.decode({ token: sealed, secret })).toMatchObject({ aud: 'shop-admin' });
    const storefrontSealed = await audienceBoundJwt('shop-storefront').encode({
      token: { accessToken: 'a' },
      secret,
    });
    expect(await jwt.decode({ token: storefrontSealed, secret })).toBeNull();
  });
});
