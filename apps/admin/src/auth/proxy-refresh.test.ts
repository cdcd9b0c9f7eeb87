import type { Role } from '@shop/api/permissions';
import { sealSession } from '@shop/auth-session/session-seal';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refreshSessionIn } from './proxy-refresh';

const secret = 'the secret both apps were given in this test, long enough';
const needsSession = (pathname: string) => pathname !== '/sign-in' && !pathname.startsWith('/api/');

/** A back-office request carrying a session sealed for `audience` with these roles. */
async function requestWith(path: string, roles: Role[], audience = 'shop-admin') {
  const now = Date.now();
  const sealed = await sealSession(
    {
      accessToken: 'access',
      accessTokenExpiresAt: now + 600_000,
      refreshToken: 'refresh',
      refreshTokenExpiresAt: now + 86_400_000,
      account: {
        id: 'a1',
        email: 'someone@example.com',
        name: 'Some One',
        roles,
        emailVerified: true,
      },
    },
    { secret, audience },
  );
  return new NextRequest(new URL(path, 'http://127.0.0.1:3300'), {
    headers: { cookie: `shop-admin.session-token=${sealed}` },
  });
}

beforeAll(() => {
  vi.stubEnv('NEXTAUTH_SECRET', secret);
  vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3300');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the back office’s proxy', () => {
  it('answers every page of a session without a staff role with “no staff access” (403)', async () => {
    for (const path of ['/', '/orders', '/staff', '/customers/abc']) {
      const response = await refreshSessionIn(await requestWith(path, ['customer']), {
        needsSession,
      });
      expect(response.status, path).toBe(403);
      expect(response.headers.get('x-middleware-rewrite'), path).toContain('/no-staff-access');
    }
  });

  it('leaves sign-in open to such a session, to sign in with a staff account instead', async () => {
    const response = await refreshSessionIn(await requestWith('/sign-in', ['customer']), {
      needsSession,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('still answers a section a staff role does not grant with the 403 page', async () => {
    const analyst = await refreshSessionIn(await requestWith('/staff', ['analyst']), {
      needsSession,
    });
    expect(analyst.status).toBe(403);
    expect(analyst.headers.get('x-middleware-rewrite')).toContain('/no-access');
    const admin = await refreshSessionIn(await requestWith('/staff', ['admin']), { needsSession });
    expect(admin.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('answers every campaign page with the 403 page for a staff role without notifications:send', async () => {
    for (const path of [
      '/notifications/campaigns',
      '/notifications/campaigns/new',
      '/notifications/campaigns/0123456789abcdef01234567',
    ]) {
      const support = await refreshSessionIn(await requestWith(path, ['support']), {
        needsSession,
      });
      expect(support.status, path).toBe(403);
      expect(support.headers.get('x-middleware-rewrite'), path).toContain('/no-access');
      const admin = await refreshSessionIn(await requestWith(path, ['admin']), { needsSession });
      expect(admin.status, path).toBe(200);
      expect(admin.headers.get('x-middleware-rewrite'), path).toBeNull();
    }
    // The Notifications section itself (staff alerts) stays open to every staff role.
    const alerts = await refreshSessionIn(await requestWith('/notifications', ['support']), {
      needsSession,
    });
    expect(alerts.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('leaves the campaign preview frame to answer its own 403 (a page in its place would be refused its styles)', async () => {
    for (const roles of [['support'], ['customer']] as Role[][]) {
      const response = await refreshSessionIn(
        await requestWith(
          '/notifications/campaigns/preview-frame?id=0123456789abcdef01234567',
          roles,
        ),
        { needsSession },
      );
      expect(response.status, roles.join()).toBe(200);
      expect(response.headers.get('x-middleware-rewrite'), roles.join()).toBeNull();
    }
  });

  it('sends a storefront session, even under the admin’s cookie name, to sign in', async () => {
    const response = await refreshSessionIn(await requestWith('/', ['admin'], 'shop-storefront'), {
      needsSession,
    });
    expect(new URL(response.headers.get('location')!).pathname).toBe('/sign-in');
  });
});
