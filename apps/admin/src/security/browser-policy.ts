import type { PolicyKind } from '@shop/auth-session/browser-security/content-security-policy';
import type { AppBrowserSecurity } from '@shop/auth-session/browser-security/response-headers';

/** Answers that are not HTML (next-auth's own pages under /api/auth are). */
const dataPaths = /^\/(?:api\/(?!auth\/)|healthz$|icon\.svg$|favicon\.ico$)/;

/** The campaign email as the composer's preview frame shows it (docs/security/campaigns.md). */
export const campaignPreviewFramePath = '/notifications/campaigns/preview-frame';

/**
 * Every back-office page renders per request (the layout reads the session), the 404 included,
 * so every page gets the nonce policy; next-auth's own pages have no scripts of ours and get the
 * cached-page policy. The back office loads nothing from other origins; the one exception is
 * the campaign preview frame, a sandboxed document of its own whose pictures load from anywhere.
 */
export function adminPolicyKind(pathname: string): PolicyKind {
  if (pathname === campaignPreviewFramePath) return 'framed-email';
  if (dataPaths.test(pathname)) return 'data';
  return pathname.startsWith('/api/auth/') ? 'cached-page' : 'rendered-page';
}

export const adminBrowserSecurity: AppBrowserSecurity = {
  policyKindOf: adminPolicyKind,
  // Its own pages only, and of those only the preview frame allows it (frame-ancestors).
  thirdParty: { frame: ["'self'"] },
  reportPath: '/api/csp-report',
};
