import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { currentRequestId } from '@/server/cells';
import type { SessionFields } from './session-token';

/**
 * The typed cell client acting as the signed-in shopper: every call carries their access token,
 * so the owning cell decides what they may read and change.
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
