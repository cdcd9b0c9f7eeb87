import type { Order } from '@shop/db/order';
import type { Identity } from '../../identity/identity';
import { isSameSecret, sha256Hex } from '../../secrets';
import { findOrder, orderNotFound } from './order-transitions';
import type { StoredOrder } from './views';

/**
 * Who may see or act on an order: the account that placed it, staff with `orders:read`, or a
 * guest presenting the order's access token (handed out by `order.place` and `order.lookup`).
 * Everyone else is told the order does not exist, so order ids cannot be probed.
 */
export type OrderViewer =
  { kind: 'owner'; actorId?: string } | { kind: 'staff'; actorId: string } | { kind: 'none' };

type AccessFields = Pick<Order, 'accountId' | 'guestAccessTokenHash'> & {
  guestLookupTokenHashes?: string[] | null;
};

/** The token is stored as its SHA-256 (`secrets/sha256Hex`) and compared in constant time. */
function tokenMatches(token: string, order: AccessFields): boolean {
  const presented = sha256Hex(token);
  const stored = [order.guestAccessTokenHash, ...(order.guestLookupTokenHashes ?? [])];
  return stored.some((hash) => isSameSecret(presented, hash ?? ''));
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

/** The order and who is asking, or NOT_FOUND when the caller may not see it. */
export async function findVisibleOrder(
  orderId: string,
  identity: Identity | null,
  accessToken: string | undefined,
): Promise<{ order: StoredOrder; viewer: Exclude<OrderViewer, { kind: 'none' }> }> {
  const order = await findOrder(orderId);
  if (!order) throw orderNotFound();
  const viewer = viewerOf(order, identity, accessToken);
  if (viewer.kind === 'none') throw orderNotFound();
  return { order, viewer };
}
