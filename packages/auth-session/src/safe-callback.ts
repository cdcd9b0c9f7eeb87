/**
 * Where to go after signing in: a path on this site only. Absolute URLs, protocol-relative
 * `//evil.example` and backslash tricks fall back to `fallback`, so a crafted link cannot
 * send a user elsewhere after they typed their password. So do the app's own sign-in pages
 * (`signInPaths`): signing in again from them would loop.
 */
export function safeCallbackPath(
  value: unknown,
  { fallback, signInPaths }: { fallback: string; signInPaths: readonly string[] },
): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  if (value.startsWith('//') || value.includes('\\')) return fallback;
  try {
    const parsed = new URL(value, 'http://same-origin.invalid');
    if (parsed.origin !== 'http://same-origin.invalid') return fallback;
    if (signInPaths.includes(parsed.pathname)) return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}
