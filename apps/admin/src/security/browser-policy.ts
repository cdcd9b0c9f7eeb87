import type { PolicyKind } from '@shop/auth-session/browser-security/content-security-policy';
import type { AppBrowserSecurity } from '@shop/auth-session/browser-security/response-headers';

/** Answers that are not HTML (next-auth's own pages under /api/auth are). */
const dataPaths = /^\/(?:api\/(?!auth\/)|healthz$|icon\.svg$|favicon\.ico$)/;

/**
 * Every back-office page renders per request (the layout reads the session), the 404 included,
 * so every page gets the nonce policy; next-auth's own pages have no scripts of ours and get the
 * cached-page policy. The back office loads nothing from other origins.
 */
export function adminPolicyKind(pathname: string): PolicyKind {
  if (dataPaths.test(pathname)) return 'data';
  return pathname.startsWith('/api/auth/') ? 'cached-page' : 'rendered-page';
}

export const adminBrowserSecurity: AppBrowserSecurity = {
  policyKindOf: adminPolicyKind,
  reportPath: '/api/csp-report',
};
