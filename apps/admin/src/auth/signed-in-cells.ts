import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { currentRequestId } from '@/server/cells';
import type { SessionFields } from './session-token';

/**
 * The typed cell client acting as the signed-in staff member: every call carries their access token,
 * so the owning cell checks their permissions too.
 */
export function cellsAs(session: Pick<SessionFields, 'accessToken'>) {
  return createCellClient({
    urlFor: cellUrlsFromEnv(),
    headers: async () => ({
      'x-request-id': await currentRequestId(),
      authorization: `Bearer ${session.accessToken}`,
    }),
  });
}
