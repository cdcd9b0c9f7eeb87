import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { currentClientAddress } from '@/auth/client-address';
import { currentRequestId } from '@/server/cells';
import { storefrontEnv } from '@/env';

/**
 * The cells as a signed-out visitor's server action calls them: with the request id and the
 * browser's address (the auth cell throttles sign-ups and reset requests by address).
 */
export async function visitorCells() {
  const clientAddress = await currentClientAddress();
  return createCellClient({
    urlFor: cellUrlsFromEnv(storefrontEnv()),
    headers: async () => ({
      'x-request-id': await currentRequestId(),
      ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
    }),
  });
}
