import type { Order } from '@shop/db/order';
import type { Identity } from '../../identity/identity';
import { isSameSecret, sha256Hex } from '../../secrets';
import { findOrder, orderNotFound } from './order-transitions';
import type { StoredOrder } from './views';

/**
 * Who may see or act on an order:
 * - `owner`: the account that placed it, or the guest browser that placed it (the access token
 *   `order.place` answered): reads it and cancels it;
 * - `reader`: a guest who looked the order up by number and email (`order.lookup`): reads it only;
 *   cancelling takes the link `order.requestCancelLink` emails to the order's address;
 * - `staff` with `orders:read`.
 * Everyone else is told the order does not exist, so order ids cannot be probed.
 */
export type OrderViewer =
  | { kind: 'owner'; actorId?: string }
  | { kind: 'reader' }
  | { kind: 'staff'; actorId: string }
  | { kind: 'none' };

type AccessFields = Pick<Order, 'accountId' | 'guestAccessTokenHash'> & {
  guestLookupTokenHashes?: string[] | null;
};

/** Tokens are stored as their SHA-256 (`secrets/sha256Hex`) and compared in constant time. */
function matchesAny(token: string, hashes: readonly (string | null | undefined)[]): boolean {
  const presented = sha256Hex(token);
  // `some` stops early, but which stored hash matched says nothing about the token.
  return hashes.some((hash) => isSameSecret(presented, hash ?? ''));
}

/** The shopper's own order (account or checkout token), a guest's lookup, then staff access. */
export function viewerOf(
  order: AccessFields,
  identity: Identity | null,
  accessToken: string | undefined,
): OrderViewer {
  if (identity && order.accountId && String(order.accountId) === identity.accountId) {
    return { kind: 'owner', actorId: identity.accountId };
  }
  if (accessToken && matchesAny(accessToken, [order.guestAccessTokenHash])) {
    return { kind: 'owner', actorId: identity?.accountId };
  }
  // An account's order is reached by signing in, never by a lookup (even a token issued before
  // lookups stopped finding account orders).
  if (
    accessToken &&
    !order.accountId &&
    matchesAny(accessToken, order.guestLookupTokenHashes ?? [])
  ) {
    return { kind: 'reader' };
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
