// An IPv4 or IPv6 address, possibly with a port or zone as some proxies write it. Anything else
// (a browser's invention without an ingress in front) is not used: the address keys a rate-limit
// bucket and travels to the cell and its logs, so an unchecked 16 KB header would cost the
// gateway that much memory per bucket and fill logs with whatever a client chose.
const plausibleAddress = /^[0-9A-Za-z.:[\]%_-]{1,64}$/;

/**
 * The address a request came from, used as the rate-limit key and forwarded to the cell.
 *
 * In the cluster the ingress appends the address it saw to `x-forwarded-for`, so the LAST entry
 * is the one no browser can forge (earlier entries are whatever the client sent). Without an
 * ingress, `next start` fills the header from the socket when it is absent. A value that is not
 * address-shaped counts as `unknown` (one shared bucket for every such client).
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  const address = last || headers.get('x-real-ip')?.trim();
  return address && plausibleAddress.test(address) ? address : 'unknown';
}
