import type { HttpRoute } from '../cell-definition';
import { recentlyRevokedSessionIds } from './revoked-session-list';

/**
 * `GET /.well-known/revoked-sessions.json`: `{ sessions: [sid, ...] }`, the sessions revoked
 * recently enough that their access tokens may still be unexpired. Cells poll it about once a
 * second and refuse those tokens. Session ids are random and name nothing once revoked, so the
 * list is public like the JWKS.
 */
export const revokedSessionsRoute: HttpRoute = async (_req, res) => {
  const body = JSON.stringify({ sessions: await recentlyRevokedSessionIds() });
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(body);
};
