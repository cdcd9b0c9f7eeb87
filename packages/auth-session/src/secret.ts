import { appServerConfig, sessionSecretFrom } from '@shop/api/config';

/**
 * The secret next-auth seals the session cookie with (`NEXTAUTH_SECRET`, else `AUTH_SECRET`), from
 * the app's checked configuration. `pnpm dev` and the e2e stack provide one (tooling/stack);
 * production sets it from a Kubernetes secret, and an app started without it refuses to start.
 */
export function sessionSecret(): string | undefined {
  return sessionSecretFrom(appServerConfig());
}

/** On https the cookies get the `__Secure-` / `__Host-` prefixes browsers enforce. */
export function usesSecureCookies(): boolean {
  return appServerConfig().NEXTAUTH_URL?.startsWith('https://') ?? false;
}
