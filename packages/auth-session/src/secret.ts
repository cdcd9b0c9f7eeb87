/**
 * The secret next-auth seals the session cookie with. `pnpm dev` and the e2e stack provide one
 * (tooling/stack); production sets `NEXTAUTH_SECRET` from a Kubernetes secret.
 */
export function sessionSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || undefined;
}

/** On https the cookies get the `__Secure-` / `__Host-` prefixes browsers enforce. */
export function usesSecureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
}
