// Liveness/readiness for the orchestrator: answers without calling any cell, so a cell outage
// (which pages already render as a degraded state) never takes the app out of the load balancer.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
