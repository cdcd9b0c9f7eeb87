import { TRPCError } from '@trpc/server';
import { newSecretToken, sha256Hex } from '../../secrets';
import { tooManyRequests } from '../../trpc/retry-after';
import { cancelOrder } from './cancel-order';
import { orderCancelLinkRequested } from './events';
import { orderDatabase, transitionConflict } from './order-transitions';
import { orderRef, sendOrderEvent } from './send-order-event';
import { cancellableStatuses, type StoredOrder } from './views';

/**
 * The emailed "cancel this order" link of a guest order. Looking an order up (number + email)
 * proves nothing about the mailbox, so a lookup only reads; cancelling takes a link mailed to the
 * order's address. The link's token is 256 random bits (`newSecretToken`), stored as its SHA-256
 * on the order: unforgeable like a signed link, and revocable: a newer link replaces it, and it is
 * spent once it has cancelled the order. Opening the link only shows the order; the shopper
 * confirms on that page, so mail scanners that fetch links cancel nothing.
 */
export const cancelLinkLifetimeMs = 60 * 60_000;
/** One email per order per minute: the link cannot be used to flood the shopper's inbox. */
export const cancelLinkResendMs = 60_000;

export type CancelLinkState = 'live' | 'spent' | 'expired';

export function linkNotValid(): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: 'This cancellation link is not valid. Look your order up and ask for a new one.',
  });
}

/**
 * Issues a new link for a guest order that can still be cancelled and sends the event the
 * notification cell mails. 409 when the order can no longer be cancelled, 429 (Retry-After) when
 * a link went out less than a minute ago.
 */
export async function issueCancelLink(
  order: StoredOrder,
  now = new Date(),
): Promise<{ sentTo: string; expiresAt: Date }> {
  const email = order.customer?.email;
  if (order.accountId || !email) throw linkNotValid();
  if (!cancellableStatuses.includes(order.status)) throw transitionConflict(order, 'CANCELLED');
  const { Order } = await orderDatabase.models();
  const token = newSecretToken();
  const tokenHash = sha256Hex(token);
  const expiresAt = new Date(now.getTime() + cancelLinkLifetimeMs);
  const issued = await Order.findOneAndUpdate(
    {
      _id: order._id,
      accountId: null,
      status: { $in: cancellableStatuses },
      $or: [
        { guestCancelLink: null },
        { 'guestCancelLink.issuedAt': { $lte: new Date(now.getTime() - cancelLinkResendMs) } },
      ],
    },
    { $set: { guestCancelLink: { tokenHash, issuedAt: now, expiresAt } } },
    { returnDocument: 'after' },
  ).lean<StoredOrder>();
  if (!issued) {
    const latest = await Order.findById(order._id).lean<StoredOrder>();
    if (latest && !cancellableStatuses.includes(latest.status)) {
      throw transitionConflict(latest, 'CANCELLED');
    }
    const issuedAt = latest?.guestCancelLink?.issuedAt?.getTime() ?? now.getTime();
    throw tooManyRequests(
      'We sent a link less than a minute ago. Check your inbox, or ask again in a minute.',
      (issuedAt + cancelLinkResendMs - now.getTime()) / 1000,
    );
  }
  try {
    await sendOrderEvent(
      orderCancelLinkRequested,
      {
        ...orderRef(issued),
        email,
        token,
        expiresAt: expiresAt.toISOString(),
        totalMinor: issued.totalMinor,
        currency: issued.currency,
      },
      // The token's hash, never the token: event ids show up in the executor's logs.
      `order-cancel-link-${tokenHash}`,
    );
  } catch {
    // Not sent: take the link back, so the shopper may ask again at once.
    await Order.updateOne(
      { _id: order._id, 'guestCancelLink.tokenHash': tokenHash },
      { $unset: { guestCancelLink: 1 } },
    );
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'We could not send the email right now. Try again in a moment.',
    });
  }
  return { sentTo: email, expiresAt };
}

/** The guest order a link's token belongs to, or null for an unknown token. */
export async function orderOfCancelLink(token: string): Promise<StoredOrder | null> {
  const { Order } = await orderDatabase.models();
  return Order.findOne({
    'guestCancelLink.tokenHash': sha256Hex(token),
    accountId: null,
  }).lean<StoredOrder>();
}

export function cancelLinkState(order: StoredOrder, now = new Date()): CancelLinkState {
  const link = order.guestCancelLink;
  if (!link || link.usedAt) return 'spent';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'live';
}

const cancelledByShopper = (order: StoredOrder) =>
  order.status === 'CANCELLED' && order.cancellation?.code === 'customer_request';

/**
 * Cancels the order the link names (full refund of a paid order, as `order.cancel` does) and
 * spends the link. Idempotent: following the link again once the order is cancelled answers the
 * cancelled order; a spent or expired link does nothing else. The cancel comes first and the link
 * is spent after it, so a crash in between leaves a link that still only says "cancelled".
 */
export async function cancelWithLink(
  token: string,
  reason: string | undefined,
  now = new Date(),
): Promise<StoredOrder> {
  const order = await orderOfCancelLink(token);
  if (!order) throw linkNotValid();
  const state = cancelLinkState(order, now);
  if (state !== 'live') {
    if (cancelledByShopper(order)) return order;
    if (state === 'expired') {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: 'This cancellation link has expired. Look your order up and ask for a new one.',
      });
    }
    throw linkNotValid();
  }
  const message = `You cancelled this order.${reason ? ` Reason: ${reason}` : ''}`;
  const result = await cancelOrder(String(order._id), {
    code: 'customer_request',
    message,
    actor: { type: 'customer' },
    from: cancellableStatuses,
  });
  if (!result) throw linkNotValid();
  if (!result.changed && !cancelledByShopper(result.order)) {
    throw transitionConflict(result.order, 'CANCELLED');
  }
  const { Order } = await orderDatabase.models();
  await Order.updateOne(
    {
      _id: order._id,
      'guestCancelLink.tokenHash': sha256Hex(token),
      'guestCancelLink.usedAt': null,
    },
    { $set: { 'guestCancelLink.usedAt': now } },
  );
  return result.order;
}
