import type { TRPCClient } from '@trpc/client';
import { cellCredentialHeader } from '../client/cell-credential';
import { cellUrlsFromEnv } from '../client/cell-urls';
import { commonConfig } from '../config/common';
import { hostConfig } from '../config/host';
import { createCellClient } from '../client/create-cell-client';
import type { Domain } from '../domains';
import { currentRequestScope, type RequestScope } from '../observability/request-context';
import type { AppRouter } from '../router';

// Read per call from the parsed configuration (cached), so tests that point cells elsewhere work.
let resolveCellUrl: (domain: Domain) => string = (domain) =>
  cellUrlsFromEnv(commonConfig())(domain);

/** Where cross-cell calls go (see `routeCellCallsTo`). */
export function cellUrlFor(domain: Domain): string {
  return resolveCellUrl(domain);
}

/**
 * Points cross-cell calls somewhere other than the environment's URLs. The cell host uses it so a
 * cell it hosts is called on the host's own address (which with port 0 is only known after
 * listening). One host per process is assumed, which is how hosts are deployed.
 */
export function routeCellCallsTo(urlFor: (domain: Domain) => string): void {
  resolveCellUrl = urlFor;
}

const memoKey = Symbol('cellClient');

/**
 * A cell that stops answering must not hold its callers' requests open for minutes (undici's
 * default): each cross-cell HTTP call gives up after this long, and the caller sees an error.
 */
export const crossCellTimeoutMs = hostConfig().CROSS_CELL_TIMEOUT_MS;

export const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(crossCellTimeoutMs);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/**
 * The internal credential every cross-cell call presents (`CELL_SERVICE_TOKEN`), read per call
 * from the cached configuration; none outside production when unset.
 */
export function cellCredentialHeaders(): Record<string, string> {
  const credential = hostConfig().CELL_SERVICE_TOKEN;
  return credential ? { [cellCredentialHeader]: credential } : {};
}

function clientFor(scope: RequestScope | undefined): TRPCClient<AppRouter> {
  const headers: Record<string, string> = { ...cellCredentialHeaders() };
  if (scope) {
    headers['x-request-id'] = scope.requestId;
    if (scope.authorization) headers.authorization = scope.authorization;
  }
  return createCellClient({
    urlFor: (domain) => resolveCellUrl(domain),
    headers: () => headers,
    fetch: fetchWithTimeout,
  });
}

/**
 * How one cell calls another: the typed client over HTTP, never an import of the other cell's
 * code. Each call carries the internal credential, the current request's id and the caller's
 * bearer token (never the shopper's address: a cell's own limits count the first hop's). The client is
 * per request: a process-wide one would batch two requests' calls together under one request's
 * headers, leaking one caller's identity into another's call.
 */
export function cellClient(): TRPCClient<AppRouter> {
  const scope = currentRequestScope();
  if (!scope) return clientFor(undefined);
  let client = scope.memo.get(memoKey) as TRPCClient<AppRouter> | undefined;
  if (!client) {
    client = clientFor(scope);
    scope.memo.set(memoKey, client);
  }
  return client;
}
