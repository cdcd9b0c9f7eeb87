import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { appServerConfig } from '@shop/api/config';
import { randomUUID } from 'node:crypto';
import type { TokenSet } from './session-token';

/**
 * The auth cell as the app's server calls it for session work (sign-in, refresh, sign-out),
 * forwarding the browser's address: the cell throttles failed sign-ins per address.
 */
function authCell(context: { clientAddress?: string; requestId?: string }) {
  return createCellClient({
    urlFor: cellUrlsFromEnv(appServerConfig()),
    headers: () => ({
      'x-request-id': context.requestId ?? randomUUID(),
      ...(context.clientAddress ? { 'x-forwarded-for': context.clientAddress } : {}),
    }),
  }).auth;
}

/**
 * `deviceToken`: what an earlier sign-in in this browser returned (kept in a long-lived http-only
 * cookie); with it the auth cell lets this device in while the account's sign-ins are throttled
 * across all addresses. The answer carries the token to keep (renewed, or a new one).
 */
export function logIn(
  credentials: { email: string; password: string },
  context: { clientAddress?: string; deviceToken?: string },
): Promise<TokenSet & { deviceToken?: string }> {
  const device = context.deviceToken ? { deviceToken: context.deviceToken } : {};
  return authCell(context).login.mutate({ ...credentials, ...device });
}

export function refreshTokens(refreshToken: string): Promise<TokenSet> {
  return authCell({}).refresh.mutate({ refreshToken });
}

export async function logOut(refreshToken: string): Promise<void> {
  await authCell({}).logout.mutate({ refreshToken });
}
