import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { appServerConfig } from '@shop/api/config';
import type { SessionFields } from './session-token';

/**
 * The typed cell client acting as the signed-in user: every call carries their access token, so
 * the owning cell decides what they may read and change. `requestId` is the app's id of the
 * request being served (for the logs across cells).
 */
export function cellsActingAs(
  session: Pick<SessionFields, 'accessToken'>,
  requestId: () => Promise<string>,
) {
  return createCellClient({
    urlFor: cellUrlsFromEnv(appServerConfig()),
    headers: async () => ({
      'x-request-id': await requestId(),
      authorization: `Bearer ${session.accessToken}`,
    }),
  });
}
