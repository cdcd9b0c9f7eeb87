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
