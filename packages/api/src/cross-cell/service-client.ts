import { randomUUID } from 'node:crypto';
import type { TRPCClient } from '@trpc/client';
import { createCellClient } from '../client/create-cell-client';
import { hostConfig } from '../config/host';
import type { Domain } from '../domains';
import { currentRequestScope } from '../observability/request-context';
import type { AppRouter } from '../router';
import { cellCredentialHeaders, cellUrlFor, fetchWithTimeout } from './cell-client';

/** Renew this long before expiry, so a token never expires between check and use. */
const renewBeforeMs = 60_000;

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

const tokens = new Map<string, Promise<CachedToken>>();

async function fetchServiceToken(service: string): Promise<CachedToken> {
  const secret = hostConfig().SERVICE_TOKEN_SECRET;
  if (!secret) throw new Error('SERVICE_TOKEN_SECRET is not set: this cell cannot call others');
  const auth = createCellClient({
    urlFor: cellUrlFor,
    fetch: fetchWithTimeout,
    headers: cellCredentialHeaders,
  });
  const { accessToken, expiresAt } = await auth.auth.serviceToken.mutate({
    service: service as Domain,
    secret,
  });
  return { accessToken, expiresAtMs: Date.parse(expiresAt) };
}

/**
 * One token per service per process, renewed shortly before it expires. Concurrent callers share
 * one exchange; a failed exchange is forgotten so the next call retries.
 */
async function serviceToken(service: Domain): Promise<string> {
  const cached = tokens.get(service);
  if (cached) {
    const token = await cached.catch(() => undefined);
    if (token && token.expiresAtMs - Date.now() > renewBeforeMs) return token.accessToken;
    if (tokens.get(service) !== cached) return serviceToken(service);
  }
  const pending = fetchServiceToken(service);
  tokens.set(service, pending);
  pending.catch(() => {
    if (tokens.get(service) === pending) tokens.delete(service);
  });
  return (await pending).accessToken;
}

/** Forgets cached tokens (tests that restart the auth cell with new keys). */
export function forgetServiceTokens(): void {
  tokens.clear();
}

/**
 * The typed client for a cell acting on its own behalf, outside any shopper's request: an Inngest
 * saga step reserving stock or starting a payment. Calls carry a service access token (role
 * `service`, permissions `inventory:reserve` and `payments:process`) from `auth.serviceToken`,
 * and the current request id when there is one (else a fresh one per call, for the logs).
 */
export function serviceCellClient(service: Domain = 'order'): TRPCClient<AppRouter> {
  return createCellClient({
    urlFor: cellUrlFor,
    fetch: fetchWithTimeout,
    headers: async () => ({
      ...cellCredentialHeaders(),
      authorization: `Bearer ${await serviceToken(service)}`,
      'x-request-id': currentRequestScope()?.requestId ?? randomUUID(),
    }),
  });
}
