import type { IncomingMessage } from 'node:http';

/**
 * The shopper's address. Cells are reachable only from the apps' gateway (network policy), which
 * sets `x-forwarded-for`; its first entry is the browser's address. Direct callers get theirs.
 */
export function clientAddressOf(req: IncomingMessage): string | null {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',', 1)[0]?.trim();
  return first || req.socket.remoteAddress || null;
}
