/**
 * Where to go after signing in: a path on this site only. Absolute URLs, protocol-relative
 * `//evil.example` and backslash tricks fall back to `fallback`, so a crafted link cannot
 * send a user elsewhere after they typed their password.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  if (value.startsWith('//') || value.includes('\\')) return fallback;
  try {
    const parsed = new URL(value, 'http://same-origin.invalid');
    if (parsed.origin !== 'http://same-origin.invalid') return fallback;
    // Signing in again from the sign-in page would loop.
    if (parsed.pathname === '/sign-in') return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}
