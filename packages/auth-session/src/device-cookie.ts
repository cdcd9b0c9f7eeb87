import { cookies } from 'next/headers';
import { usesSecureCookies } from './secret';

/**
 * The cookie that remembers this browser signed in before (docs/security/accounts.md): the auth
 * cell answers a sign-in with a device token, and a later sign-in that presents it passes the
 * account-wide throttle that a password-spraying attack trips. It outlives the session (sign-out
 * keeps it: it proves a past sign-in, not a current one), is http-only, and is sent only to
 * next-auth's endpoints (`/api/auth`), where sign-in happens. One per app.
 */
export function deviceCookieName(audience: string): string {
  return `${usesSecureCookies() ? '__Secure-' : ''}${audience}.device`;
}

const deviceCookieMaxAgeSeconds = 365 * 24 * 60 * 60;
// The auth cell's token shape (its input schema refuses anything else with a 400).
const deviceTokenShape = /^[A-Za-z0-9_-]{16,128}$/;

/** The device token in next-auth's request headers (a plain record there), when well-formed. */
export function deviceTokenFrom(headers: unknown, audience: string): string | undefined {
  const record = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const header = record.cookie;
  const cookieHeader = Array.isArray(header) ? header.join('; ') : (header ?? '');
  const name = deviceCookieName(audience);
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return deviceTokenShape.test(value) ? value : undefined;
  }
  return undefined;
}

/** Keeps (or renews) the device token the auth cell just answered, on next-auth's response. */
export async function rememberDevice(audience: string, deviceToken: string): Promise<void> {
  (await cookies()).set(deviceCookieName(audience), deviceToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: usesSecureCookies(),
    path: '/api/auth',
    maxAge: deviceCookieMaxAgeSeconds,
  });
}
