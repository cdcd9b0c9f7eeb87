import type { IncomingMessage } from 'node:http';
import { cellCredentialHeader } from '../client/cell-credential';
import { isSameSecret, sameSecretAs } from '../secrets';

/**
 * Whether a request comes from inside the platform: it carries the internal credential
 * (`CELL_SERVICE_TOKEN`, header `x-shop-cell-token`, compared in constant time). Without a
 * configured credential (tests, a host started by hand) every caller counts as internal;
 * production requires one (config/common.ts).
 */
export function isInternalCaller(req: IncomingMessage, credential: string | undefined): boolean {
  if (!credential) return true;
  const presented = req.headers[cellCredentialHeader];
  return typeof presented === 'string' && credentialCheck(credential)(presented);
}

// Checked on every request: the check against the credential is built once (it changes only when a
// test or a second host in the process configures another); it hashes nothing (same-secret.ts).
let lastCheck: { credential: string; matches: (presented: string) => boolean } | undefined;
function credentialCheck(credential: string): (presented: string) => boolean {
  if (lastCheck?.credential !== credential) {
    lastCheck = { credential, matches: sameSecretAs(credential) };
  }
  return lastCheck.matches;
}

/**
 * `/metrics` also takes `Authorization: Bearer <token>`, which is how Prometheus sends a
 * credential (`authorization.credentials_file` in a scrape job): the internal credential, or a
 * separate `METRICS_TOKEN` so the scraper need not hold the internal one.
 */
export function mayReadMetrics(
  req: IncomingMessage,
  credential: string | undefined,
  metricsToken: string | undefined,
): boolean {
  if (credential && isInternalCaller(req, credential)) return true;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    for (const token of [credential, metricsToken]) {
      if (token && isSameSecret(bearer, token)) return true;
    }
  }
  return !credential && !metricsToken;
}

/**
 * Paths any caller may reach, each with its own protection or nothing to protect: the probes
 * (kubelet cannot send a secret), the Inngest endpoints (the SDK checks Inngest's request
 * signature; production requires INNGEST_SIGNING_KEY and no dev mode) and the cells' own HTTP
 * routes (the auth cell's public keys; Stripe's webhook, checked against its signature).
 */
export function isPublicPath(pathname: string, cellRoutes: ReadonlySet<string>): boolean {
  return (
    pathname === '/healthz' ||
    pathname === '/readyz' ||
    pathname.startsWith('/api/inngest/') ||
    cellRoutes.has(pathname)
  );
}
