import type { Domain } from '@shop/api/client';

/**
 * One browser call per domain through the storefront's gateway: while a domain's host is down it
 * must answer 503 at once; the others must keep answering. Cheap public queries where a domain
 * has one; otherwise a well-formed name, which the gateway forwards (503 when the host is down)
 * and a live cell answers with a 4xx.
 */
const probes: Record<Domain, { procedure: string; input: string }> = {
  auth: { procedure: 'auth.publicKeys', input: '{}' },
  user: { procedure: 'user.me', input: '{}' },
  product: { procedure: 'product.categoryTree', input: '{}' },
  order: { procedure: 'order.cart', input: '{}' },
  payment: { procedure: 'payment.config', input: '{}' },
  notification: { procedure: 'notification.preferences', input: '{}' },
  search: { procedure: 'search.suggest', input: '{"q":"ca"}' },
  review: { procedure: 'review.summary', input: '{}' },
  analytics: { procedure: 'analytics.summary', input: '{}' },
};

export interface ProbeResult {
  status: number;
  ms: number;
}

export async function probeDomain(storefrontUrl: string, domain: Domain): Promise<ProbeResult> {
  const { procedure, input } = probes[domain];
  const url = `${storefrontUrl}/api/cells/${domain}/${procedure}?batch=1&input=${encodeURIComponent(`{"0":${input}}`)}`;
  return timed(url);
}

export async function probePage(storefrontUrl: string, path: string): Promise<ProbeResult> {
  return timed(`${storefrontUrl}${path}`);
}

export interface PageProbe extends ProbeResult {
  /** The storefront's error page ("Something went wrong on our side"), which a fault must not cause. */
  errorPage: boolean;
  /** One of the storefront's "... is taking a break" notices. */
  degradedNotice: boolean;
}

/** A server-rendered page, read to the end: its status, and whether it shows an error or a notice. */
export async function probePageContent(storefrontUrl: string, path: string): Promise<PageProbe> {
  const started = performance.now();
  const answer = await fetch(`${storefrontUrl}${path}`, {
    headers: { 'x-forwarded-for': '10.255.0.2' },
    signal: AbortSignal.timeout(30_000),
  })
    .then(async (response) => ({ status: response.status, html: await response.text() }))
    .catch(() => ({ status: 0, html: '' }));
  return {
    status: answer.status,
    ms: Math.round(performance.now() - started),
    errorPage: answer.html.includes('Something went wrong on our side'),
    degradedNotice: /data-testid="(catalogue|search)-unavailable"/.test(answer.html),
  };
}

async function timed(url: string): Promise<ProbeResult> {
  const started = performance.now();
  const status = await fetch(url, {
    headers: { 'x-forwarded-for': '10.255.0.1' },
    signal: AbortSignal.timeout(15_000),
  })
    .then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    })
    .catch(() => 0);
  return { status, ms: Math.round(performance.now() - started) };
}
