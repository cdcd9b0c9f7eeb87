/**
 * Whether a redirect target is one the storefront may send a shopper to: a path on the shop's
 * own site (`/help/returns`, query and fragment allowed) or an absolute http(s) URL. Refused:
 * `//host` and `/\host` (a browser reads both as another site), `javascript:`, `data:` and any
 * other scheme, control characters and spaces. The answer is the reason, or null when fine.
 */
export function redirectTargetProblem(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(url)) {
    return 'A redirect target has no spaces, backslashes or control characters.';
  }
  if (url.startsWith('/')) {
    if (url.startsWith('//')) return 'A path starts with one slash ("//" names another site).';
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a path on the shop ("/help/returns") or a full http(s) address.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'Only a path on the shop or an http(s) address can be a redirect target.';
  }
  if (parsed.username || parsed.password)
    return 'A redirect target carries no user name or password.';
  return null;
}
