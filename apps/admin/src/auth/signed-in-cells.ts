import 'server-only';
import { cellsActingAs } from '@shop/auth-session/signed-in-cells';
import type { SessionFields } from '@shop/auth-session/session-token';
import { currentRequestId } from '@/server/cells';

/** The cell client acting as the signed-in staff member: the cells check their permissions. */
export function cellsAs(session: Pick<SessionFields, 'accessToken'>) {
  return cellsActingAs(session, currentRequestId);
}
