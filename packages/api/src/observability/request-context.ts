import { AsyncLocalStorage } from 'node:async_hooks';

/** What an incoming request hands on to the calls it makes to other cells. */
export interface RequestScope {
  requestId: string;
  /** The verified caller's account id, once known (log lines carry it as `userId`). */
  userId?: string;
  /** The caller's `Authorization` header, forwarded so identity crosses cells. */
  authorization: string | undefined;
  /** Per-request objects created on first use (e.g. the cross-cell client), keyed by owner. */
  memo: Map<symbol, unknown>;
}

const requestScopes = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return requestScopes.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return requestScopes.getStore();
}

/** Notes the verified caller on the current request, so its log lines name them; returns it. */
export function rememberUserId<T extends { accountId: string } | null>(identity: T): T {
  const scope = requestScopes.getStore();
  if (scope && identity) scope.userId = identity.accountId;
  return identity;
}
