import { describe, expect, it } from 'vitest';
import { refuseGetOfCredentialsCallback } from './auth-route-methods';

describe("the apps' next-auth GET", () => {
  const passedOn: string[] = [];
  const get = refuseGetOfCredentialsCallback((request: Request) => {
    passedOn.push(new URL(request.url).pathname);
    return new Response('from next-auth');
  });

  it('answers GET of the credentials callback 405 (Allow: POST) without calling next-auth', async () => {
    const response = await get(new Request('http://shop.test/api/auth/callback/credentials?x=1'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: 'sign in with POST' });
    expect(passedOn).toEqual([]);
  });

  it('hands every other path to next-auth', async () => {
    for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/signin']) {
      expect(await (await get(new Request(`http://shop.test${path}`))).text()).toBe(
        'from next-auth',
      );
    }
    expect(passedOn).toEqual(['/api/auth/session', '/api/auth/csrf', '/api/auth/signin']);
  });
});
