import { cellUrlsFromEnv } from '@shop/api/client';
import { storefrontEnv } from '@/env';

/** Stripe's events are a few KiB; anything far larger is not from Stripe. */
const maxBodyBytes = 512 * 1024;

/**
 * Stripe posts its webhook events to the storefront's public address; the payment cell verifies
 * and handles them. The raw bytes and the `stripe-signature` header are passed on untouched (the
 * signature covers the exact body), and the cell's answer is returned, so a failure makes Stripe
 * deliver again.
 */
export async function POST(request: Request): Promise<Response> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) {
    return Response.json({ error: 'body too large' }, { status: 413 });
  }
  const body = await request.arrayBuffer();
  if (body.byteLength > maxBodyBytes) {
    return Response.json({ error: 'body too large' }, { status: 413 });
  }
  const target = cellUrlsFromEnv(storefrontEnv())('payment').replace(/\/trpc$/, '/webhooks/stripe');
  try {
    const answer = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': request.headers.get('content-type') ?? 'application/json',
        'stripe-signature': request.headers.get('stripe-signature') ?? '',
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return new Response(await answer.text(), {
      status: answer.status,
      headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
    });
  } catch {
    return Response.json({ error: 'the payment service is unreachable' }, { status: 503 });
  }
}
