/**
 * The Content-Security-Policy of both apps' answers, in three kinds:
 *
 * - `rendered-page`: a page rendered for this request. Its scripts run only with the request's
 *   nonce (Next reads it from the request's policy and puts it on every script it writes) or when
 *   a script that had it loads them ('strict-dynamic': Next's chunk loader, Stripe.js).
 * - `cached-page`: HTML served from the page cache (ISR, static), the same bytes for every
 *   visitor, so no per-request nonce can be in it, and Next writes inline scripts into it (the
 *   React Server Components payload, the Turbopack bootstrap), so inline scripts are allowed.
 *   Scripts from other origins than this app's and those listed are still refused, as are
 *   plugins, frames around the page, `<base>`, forms to elsewhere and connections elsewhere.
 * - `data`: JSON, SVG, text (the gateway, health probe, images): nothing may load or frame it.
 * - `framed-email`: an email's HTML shown inside a frame of the same app (the admin's campaign
 *   preview): no script, form, font or connection at all, the document sandboxed (no origin),
 *   framed only by the app itself; only its pictures load, from anywhere, as a mail client would.
 */
export type PolicyKind = 'rendered-page' | 'cached-page' | 'data' | 'framed-email';

/** Other origins a page needs, by what it loads from them (the storefront: Stripe). */
export interface ThirdPartySources {
  script?: readonly string[];
  frame?: readonly string[];
  connect?: readonly string[];
  img?: readonly string[];
}

export interface PolicyOptions {
  /** Required for `rendered-page`: the request's nonce (base64, from newNonce()). */
  nonce?: string;
  thirdParty?: ThirdPartySources;
  /** `next dev`: React rebuilds server errors' stacks with eval in development only. */
  development?: boolean;
  /** Served over https: plain-http subresources are upgraded. */
  https?: boolean;
  /** Where browsers post violation reports (report-uri: every browser, right away). */
  reportPath?: string;
}

/** A fresh nonce: 128 random bits, base64 (the form Next's nonce parser accepts). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(kind: PolicyKind, options: PolicyOptions = {}): string {
  if (kind === 'data') {
    return serialise([
      ['default-src', ["'none'"]],
      ['frame-ancestors', ["'none'"]],
      ['base-uri', ["'none'"]],
      ['form-action', ["'none'"]],
    ]);
  }
  const { thirdParty = {}, development = false, https = false } = options;
  if (kind === 'framed-email') {
    return serialise([
      ['default-src', ["'none'"]],
      // http: for a storefront served without TLS (development); over https they are upgraded.
      ['img-src', ['https:', 'http:', 'data:']],
      ['style-src', ["'unsafe-inline'"]],
      ['base-uri', ["'none'"]],
      ['form-action', ["'none'"]],
      ['frame-ancestors', ["'self'"]],
      ['sandbox', []],
      ...(https ? [['upgrade-insecure-requests', []] as const] : []),
    ]);
  }
  let scripts: string[];
  if (kind === 'rendered-page') {
    if (!options.nonce) throw new Error('a rendered page’s policy needs the request’s nonce');
    // 'self' and the hosts only count in browsers without 'strict-dynamic' (CSP2).
    scripts = [`'nonce-${options.nonce}'`, "'strict-dynamic'", "'self'"];
  } else {
    scripts = ["'self'", "'unsafe-inline'"];
  }
  scripts.push(...(thirdParty.script ?? []));
  if (development) scripts.push("'unsafe-eval'");
  return serialise([
    ['default-src', ["'self'"]],
    ['script-src', scripts],
    // React writes `style` attributes (rating bars, category tiles) and Stripe styles its
    // mount points: style attributes cannot carry a nonce, so inline styles are allowed.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(thirdParty.img ?? [])]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(thirdParty.connect ?? [])]],
    ['frame-src', thirdParty.frame?.length ? [...thirdParty.frame] : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ...(https ? [['upgrade-insecure-requests', []] as const] : []),
    ...(options.reportPath ? [['report-uri', [options.reportPath]] as const] : []),
  ]);
}

function serialise(directives: readonly (readonly [string, readonly string[]])[]): string {
  return directives.map(([name, values]) => [name, ...values].join(' ')).join('; ');
}
