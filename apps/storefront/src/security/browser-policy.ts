import type { AppBrowserSecurity } from '@shop/auth-session/browser-security/response-headers';
import type { PolicyKind } from '@shop/auth-session/browser-security/content-security-policy';
import { renderedPageRoutes } from './rendered-pages';
import { routePattern } from './route-patterns';

const renderedPages = renderedPageRoutes.map(routePattern);

/**
 * Answers that are not HTML (next-auth's own pages under /api/auth are). The RFC 8058 one-click
 * unsubscribe is a route, not a page: a mail provider's POST, or a GET redirected to /unsubscribe.
 */
const dataPaths =
  /^\/(?:api\/(?!auth\/)|healthz$|images\/|icon\.svg$|robots\.txt$|sitemap\.xml$|favicon\.ico$|unsubscribe\/one-click$)/;

export function storefrontPolicyKind(pathname: string): PolicyKind {
  if (dataPaths.test(pathname)) return 'data';
  return renderedPages.some((page) => page.test(pathname)) ? 'rendered-page' : 'cached-page';
}

/**
 * Stripe's Payment Element (the pay page) loads Stripe.js from js.stripe.com, frames Stripe's
 * pages and talks to its API (docs.stripe.com/security/guide, Content Security Policy). Every
 * page allows it, not only the pay page: the router moves from the checkout to the pay page
 * without loading a new document, and a document keeps the policy it was loaded with.
 */
export const stripeSources = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://*.stripe.com'],
  connect: ['https://*.stripe.com'],
  img: ['https://*.stripe.com'],
} as const;

export const storefrontBrowserSecurity: AppBrowserSecurity = {
  policyKindOf: storefrontPolicyKind,
  thirdParty: stripeSources,
  reportPath: '/api/csp-report',
};
