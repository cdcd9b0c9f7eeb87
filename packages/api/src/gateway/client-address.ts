// An IPv4 or IPv6 address. Anything else is not used: the address keys a rate-limit bucket and
// travels to the cell and its logs, so an unchecked 16 KB header would cost the gateway that much
// memory per bucket and fill logs with whatever a client chose.
const plausibleAddress = /^[0-9A-Fa-f.:]{2,45}$/;

/**
 * The address a request came from, used as the rate-limit key and forwarded to the cell.
 *
 * In production the app runs behind its own entry (app-server-entry.mjs), which replaces
 * `x-forwarded-for` before Next.js sees the request with exactly one address: the socket's, or
 * with TRUSTED_PROXY_HOPS=N the Nth entry from the right that the proxies in front appended. So
 * the header holds one address no browser chose. Under `next dev` (no entry) Next fills the header
 * from the socket only when the browser sent none, so there a browser can name its own address:
 * development only (docs/security/edge.md). Several entries, or anything not address-shaped,
 * count as `unknown` (one shared bucket for every such client).
 */
export function clientAddressOf(headers: Headers): string {
  const address = headers.get('x-forwarded-for')?.trim();
  return address && plausibleAddress.test(address) ? address : 'unknown';
}
