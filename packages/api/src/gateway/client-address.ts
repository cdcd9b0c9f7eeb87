/**
 * The address a request came from, used as the rate-limit key and forwarded to the cell.
 *
 * In the cluster the ingress appends the address it saw to `x-forwarded-for`, so the LAST entry
 * is the one no browser can forge (earlier entries are whatever the client sent). Without an
 * ingress, `next start` fills the header from the socket when it is absent.
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip') || 'unknown';
}
