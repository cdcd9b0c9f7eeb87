/**
 * Why a state-changing call (every POST through the gateway: tRPC sends mutations as POST) is
 * refused, or null when it may go on. Session cookies are SameSite=Lax, which a sibling subdomain
 * or another port of the same host passes (same site, other origin), and tRPC also accepts form
 * posts, which any page can send without a preflight. So:
 *
 * - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin`: `same-site`,
 *   `cross-site` and `none` are refused;
 * - without it (older browsers), `Origin` must be one of the app's own origins (configured:
 *   behind an ingress the request's Host is whatever the proxy passed on); no Origin is refused;
 * - the body must be JSON (`Content-Type: application/json`), the only type the apps' client
 *   sends, so no HTML form, of any origin, reaches a mutation.
 */
export type CrossSiteRefusal =
  { status: 403; message: string } | { status: 415; message: string } | null;

export function crossSiteRefusal(
  headers: Headers,
  allowedOrigins: readonly string[],
): CrossSiteRefusal {
  const foreign = foreignOriginRefusal(headers, allowedOrigins);
  if (foreign) return foreign;
  const mediaType = headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return { status: 415, message: 'Send the body as application/json' };
  }
  return null;
}

/**
 * The origin half of the rule above, for POSTs whose body is not JSON (the admin's image upload,
 * which instead accepts only image types, which no HTML form can send either).
 */
export function foreignOriginRefusal(
  headers: Headers,
  allowedOrigins: readonly string[],
): { status: 403; message: string } | null {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) {
    if (fetchSite.trim().toLowerCase() !== 'same-origin') {
      return { status: 403, message: 'Cross-origin requests are not accepted here' };
    }
  } else {
    const origin = headers.get('origin');
    if (origin === null || !allowedOrigins.includes(origin.trim())) {
      return { status: 403, message: 'Cross-origin requests are not accepted here' };
    }
  }
  return null;
}
