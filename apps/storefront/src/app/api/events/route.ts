import { clientAddressOf, crossSiteRefusal, requestIdFrom } from '@shop/api/gateway';
import { allowedOriginsFrom } from '@shop/api/config';
import { storefrontEnv } from '@/env';
import { throttledFor } from '@/server/tracking/batch-throttle';
import { browserEventBatch, maxBatchBytes } from '@/server/tracking/event-batch';
import { storeConsentMode } from '@/server/tracking/consent-policy';
import { forwardBatch } from '@/server/tracking/forward-batch';
import { uncountedReason } from '@/server/tracking/uncounted-request';

const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { message } }, { status, headers });

/** `shop_analytics_consent=granted|denied`, the shopper's own choice; absent: never asked. */
function consentFrom(cookieHeader: string | null): 'granted' | 'denied' | 'unset' {
  const value = /(?:^|;\s*)shop_analytics_consent=(granted|denied)(?:;|$)/.exec(cookieHeader ?? '');
  return (value?.[1] as 'granted' | 'denied' | undefined) ?? 'unset';
}

/**
 * The storefront tracker's batches (`navigator.sendBeacon`, same origin, so the CSP's
 * `connect-src 'self'` holds). Robots and prefetches are answered 204 and dropped; a foreign
 * origin 403; a body over 32 KiB 413; a batch that is not the tracker's shape 400; a browser
 * sending too often 429. Everything else goes to the analytics cell, which stores it in bulk.
 */
export async function POST(request: Request): Promise<Response> {
  const mediaType = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  // sendBeacon sends a string as text/plain; the origin rules are the gateway's own.
  if (mediaType !== 'text/plain' && mediaType !== 'application/json') {
    return refuse(415, 'Send the events as text/plain or application/json');
  }
  const asJson = new Headers(request.headers);
  asJson.set('content-type', 'application/json');
  const crossSite = crossSiteRefusal(asJson, allowedOriginsFrom(storefrontEnv()));
  if (crossSite) return refuse(crossSite.status, crossSite.message);

  if (uncountedReason(request.headers)) return new Response(null, { status: 204 });

  if (Number(request.headers.get('content-length') ?? 0) > maxBatchBytes) {
    return refuse(413, `A batch is at most ${maxBatchBytes} bytes`);
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBatchBytes) {
    return refuse(413, `A batch is at most ${maxBatchBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, 'The body is not JSON');
  }
  const parsed = browserEventBatch.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(400, `Not an event batch: ${issue?.path.join('.') || 'body'} ${issue?.message}`);
  }

  const wait = throttledFor(clientAddressOf(request.headers), parsed.data.anonymousId);
  if (wait > 0) {
    return refuse(429, 'Too many event batches', { 'retry-after': String(Math.ceil(wait)) });
  }
  const signals = {
    gpc: request.headers.get('sec-gpc')?.trim() === '1',
    consent: consentFrom(request.headers.get('cookie')),
  };
  const outcome = await forwardBatch(parsed.data, signals, requestIdFrom(request.headers));
  return Response.json(outcome.body, { status: outcome.status });
}

/**
 * `GET /api/events`: the store's consent mode, for the consent banner (`consent-banner.tsx`).
 * The same for every shopper, so a browser may keep it for a minute.
 */
export async function GET(request: Request): Promise<Response> {
  const consentMode = await storeConsentMode(requestIdFrom(request.headers));
  return Response.json({ consentMode }, { headers: { 'cache-control': 'private, max-age=60' } });
}
