import { appServerConfig } from '@shop/api/config';
import type { NextRequest, NextResponse } from 'next/server';
import { usesSecureCookies } from '../secret';
import {
  contentSecurityPolicy,
  newNonce,
  type PolicyKind,
  type ThirdPartySources,
} from './content-security-policy';

/** What an app's proxy says about its own answers. */
export interface AppBrowserSecurity {
  /** Which policy the answer for a path gets (see content-security-policy.ts). */
  policyKindOf(pathname: string): PolicyKind;
  thirdParty?: ThirdPartySources;
  /** The app's violation report endpoint (app/api/csp-report). */
  reportPath: string;
}

/** HSTS for a year; includeSubDomains and preload are the operator's decision (docs/security). */
export const strictTransportSecurity = 'max-age=31536000';

/**
 * Prepares a request for its answer's policy and returns the headers that answer must carry.
 * A rendered page gets a fresh nonce: the policy goes into the request's own headers, where Next
 * reads the nonce and writes it on every script of the page (the proxy must hand the request's
 * headers on). Policy headers a client sent are dropped first, so nobody chooses a page's nonce.
 */
export function prepareBrowserSecurity(request: NextRequest, app: AppBrowserSecurity): Headers {
  request.headers.delete('content-security-policy');
  request.headers.delete('content-security-policy-report-only');
  const kind = app.policyKindOf(request.nextUrl.pathname);
  const nonce = kind === 'rendered-page' ? newNonce() : undefined;
  const https = reachedOverHttps(request);
  const policy = contentSecurityPolicy(kind, {
    nonce,
    thirdParty: app.thirdParty,
    development: appServerConfig().NODE_ENV === 'development',
    https,
    reportPath: app.reportPath,
  });
  if (nonce) request.headers.set('content-security-policy', policy);
  const headers = new Headers({ 'content-security-policy': policy });
  if (https) headers.set('strict-transport-security', strictTransportSecurity);
  return headers;
}

/** The answer with the headers prepareBrowserSecurity chose (redirects and rewrites too). */
export function withBrowserSecurity<R extends NextResponse>(response: R, headers: Headers): R {
  headers.forEach((value, name) => response.headers.set(name, value));
  return response;
}

/**
 * Whether the browser reached the app over https: the configured public URL (`NEXTAUTH_URL`)
 * says so, or the ingress that ended TLS did (`x-forwarded-proto`, first entry). A client can
 * write that header too, but only into its own request, and browsers ignore HSTS that arrives
 * over plain http, so a false `https` there changes nothing for anyone; the header covers
 * deployments whose configuration does not name an https URL.
 */
export function reachedOverHttps(request: NextRequest): boolean {
  if (usesSecureCookies() || request.nextUrl.protocol === 'https:') return true;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}
