import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Order } from '@shop/db/order';
import type { Identity } from '../../identity/identity';

/**
 * Who may see or act on an order: the account that placed it, staff with `orders:read`, or a
 * guest presenting the order's access token (handed out by `order.place` and `order.lookup`).
 * Everyone else is told the order does not exist, so order ids cannot be probed.
 */
export type OrderViewer =
  { kind: 'owner'; actorId?: string } | { kind: 'staff'; actorId: string } | { kind: 'none' };

/** A guest's secret for one order: 32 random bytes, base64url (43 characters). */
export function newOrderAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the order stores instead of the token itself: SHA-256, hex. */
export function hashOrderAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type AccessFields = Pick<Order, 'accountId' | 'guestAccessTokenHash'> & {
  guestLookupTokenHashes?: string[] | null;
};

function tokenMatches(token: string, order: AccessFields): boolean {
  const presented = Buffer.from(hashOrderAccessToken(token), 'hex');
  const stored = [order.guestAccessTokenHash, ...(order.guestLookupTokenHashes ?? [])];
  return stored.some((hash) => {
    if (!hash) return false;
    const expected = Buffer.from(hash, 'hex');
    return expected.length === presented.length && timingSafeEqual(expected, presented);
  });
}

/** The shopper's own order (account or access token) first, then staff access. */
export function viewerOf(
  order: AccessFields,
  identity: Identity | null,
  accessToken: string | undefined,
): OrderViewer {
  if (identity && order.accountId && String(order.accountId) === identity.accountId) {
    return { kind: 'owner', actorId: identity.accountId };
  }
  if (accessToken && tokenMatches(accessToken, order)) {
    return { kind: 'owner', actorId: identity?.accountId };
  }
  if (identity?.permissions.has('orders:read')) {
    return { kind: 'staff', actorId: identity.accountId };
  }
  return { kind: 'none' };
}
