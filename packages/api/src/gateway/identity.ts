/**
 * THE place where the gateway attaches the signed-in user's identity to a cell call.
 *
 * Identity issue (not built yet): read the user's session here and set
 * `authorization: Bearer <short-lived RS256 access token from the auth cell>`; cells verify it
 * against the auth cell's public keys. Until then no identity is forwarded, and because the
 * browser's own `authorization` header is never copied (see forwarded-headers.ts) a browser
 * cannot present a token the gateway did not issue.
 */
export async function attachIdentity(_request: Request, _toCell: Headers): Promise<void> {
  // Intentionally empty until sign-in exists.
}
