import { safeCallbackPath as safePath } from '@shop/auth-session/safe-callback';

/** Where to go after signing in: a path of the back office, the dashboard otherwise. */
export function safeCallbackPath(value: unknown): string {
  return safePath(value, { fallback: '/', signInPaths: ['/sign-in'] });
}
