import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Node reports IPv4 peers of a dual-stack socket as `::ffff:a.b.c.d`; one spelling per client. */
function normalised(address: string | undefined): string | null {
  if (!address) return null;
  const plain =
    address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}

/**
 * The shopper's address, which the cells' per-address limits (sign-in, order lookup) count by.
 *
 * `x-forwarded-for` is believed only from an internal caller (`internal`: it presented the
 * credential, or none is configured, as in tests and a bare `pnpm dev` host): the apps write
 * exactly one address there, the one their entry or gateway determined. The first entry is that
 * one (a proxy in between would append). Anyone else gets the address of their own socket.
 */
export function clientAddressOf(req: IncomingMessage, internal: boolean): string | null {
  if (internal) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',', 1)[0]?.trim();
    const address = normalised(first);
    if (address) return address;
  }
  return normalised(req.socket.remoteAddress);
}
