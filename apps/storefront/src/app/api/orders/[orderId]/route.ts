import { z } from 'zod';
import { loadOrder } from '@/server/order-access-read';

// Every answer is this browser's order as it is now: nothing here is cached or prerendered.
export const dynamic = 'force-dynamic';

const query = z.object({ after: z.string().min(1).max(100).optional() }).strict();

const refuse = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * The order as this browser may see it, for the payment and confirmation pages while the saga
 * works (`useFollowedOrder`). With `?after=<version>` the answer waits (up to 8 s) until the order
 * is no longer at that version, so a page makes one request per change rather than polling. A
 * GET the page's own script makes (same origin, `connect-src 'self'`); 400 for another query,
 * 404 when this browser may not see the order, 503 when the order cell does not answer.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ orderId: string }> },
): Promise<Response> {
  const { orderId } = await params;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(400, `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'not accepted'}`);
  }
  const result = await loadOrder(orderId, parsed.data);
  if (result.ok) return Response.json(result.data, { headers: { 'cache-control': 'no-store' } });
  if (result.failure === 'not-found') return refuse(404, 'No such order for this browser');
  return refuse(503, 'The order service is not answering; try again shortly');
}
