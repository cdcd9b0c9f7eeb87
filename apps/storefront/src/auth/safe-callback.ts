import { safeCallbackPath as safePath } from '@shop/auth-session/safe-callback';

/** Where to go after signing in or up: a path of the shop, the account page otherwise. */
export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  return safePath(value, { fallback, signInPaths: ['/sign-in', '/sign-up'] });
}
