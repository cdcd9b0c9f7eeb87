import { TRPCError } from '@trpc/server';
import { newSecretToken, sha256Hex } from '../../../secrets';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { cancelOrder } from '../cancel-order';
import type { CancelInput, GetInput, ListInput, LookupInput } from '../inputs';
import { checkLookupAllowed, countLookupFailure } from '../lookup-throttle';
import { findVisibleOrder, viewerOf } from '../order-access';
import { waitForOrderChange } from '../order-changes';
import { orderVersion } from '../order-version';
import {
  findOrder,
  orderDatabase,
  orderNotFound,
  toObjectId,
  transitionConflict,
} from '../order-transitions';
import {
  cancellableStatuses,
  orderSummary,
  orderView,
  type OrderSummary,
  type OrderView,
  type StoredOrder,
} from '../views';

/** The shopper's side of an order after checkout: reading it, finding it, cancelling it. */

/**
 * The owner, a guest with the order's access token, or staff with `orders:read`. With
 * `waitForChange` the answer waits (up to its timeout) until the order differs from the version
 * the caller has: the pay and confirmation pages follow the saga with one request per change.
 */
export async function get({ input, ctx }: HandlerArgs<GetInput>): Promise<OrderView> {
  const seen = await findVisibleOrder(input.orderId, ctx.identity, input.accessToken);
  const wait = input.waitForChange;
  if (!wait || orderVersion(seen.order) !== wait.from) return orderView(seen.order, seen.viewer);
  const order = await waitForOrderChange(seen.order._id, wait.from, wait.timeoutMs, () =>
    findOrder(input.orderId),
  );
  // The same checks on the order as read now: access may have changed while waiting.
  if (!order) throw orderNotFound();
  const viewer = viewerOf(order, ctx.identity, input.accessToken);
  if (viewer.kind === 'none') throw orderNotFound();
  return orderView(order, viewer);
}

/** The signed-in customer's orders, newest first. */
export async function list({ input, ctx }: HandlerArgs<ListInput, SignedInContext>): Promise<{
  items: OrderSummary[];
  page: number;
  pageSize: number;
  total: number;
}> {
  const accountId = toObjectId(ctx.identity.accountId);
  if (!accountId) return { items: [], page: input.page, pageSize: input.pageSize, total: 0 };
  const { Order } = await orderDatabase.models();
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [orders, total] = await Promise.all([
    Order.find({ accountId }).sort({ createdAt: -1 }).skip(skip).limit(limit).lean(),
    Order.countDocuments({ accountId }),
  ]);
  return {
    items: (orders as StoredOrder[]).map(orderSummary),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

/**
 * A guest finds their order by number and the email they gave; the answer is a fresh access
 * token for `order.get` that reads the order and nothing more (cancelling takes the link
 * `order.requestCancelLink` emails). Only guest orders are found: an account's order is reached
 * by signing in, and answers exactly as an unknown number does, so a lookup never confirms that
 * an email placed an order. Each client address gets a few failures per 15 minutes (429 after),
 * so order numbers cannot be walked with someone's email.
 */
export async function lookup({
  input,
  ctx,
}: HandlerArgs<LookupInput>): Promise<{ orderId: string; accessToken: string }> {
  await checkLookupAllowed(ctx.clientAddress);
  const { Order } = await orderDatabase.models();
  const accessToken = newSecretToken();
  const order = await Order.findOneAndUpdate(
    { number: { $in: input.number }, 'customer.email': input.email, accountId: null },
    {
      $push: {
        guestLookupTokenHashes: { $each: [sha256Hex(accessToken)], $slice: -10 },
      },
    },
    { projection: { _id: 1 } },
  ).lean();
  if (!order) {
    await countLookupFailure(ctx.clientAddress);
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'No guest order with that number and email address',
    });
  }
  return { orderId: String(order._id), accessToken };
}

/**
 * The shopper cancels before shipping. Unpaid: the payment is cancelled and the stock released.
 * Paid (CONFIRMED/PROCESSING): everything captured is refunded and the units go back on hand.
 * Both happen in `compensate-cancelled-order`, started by the cancellation event. The account
 * or the browser that placed the order only; a guest who looked it up cancels through the link
 * `order.requestCancelLink` emails (procedures/guest-cancel.ts).
 */
export async function cancel({ input, ctx }: HandlerArgs<CancelInput>): Promise<OrderView> {
  const { order, viewer } = await findVisibleOrder(input.orderId, ctx.identity, input.accessToken);
  if (viewer.kind === 'reader') {
    // A lookup proves the number and the email, not the mailbox.
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'To cancel, ask for the link we email to the address on the order.',
    });
  }
  if (viewer.kind !== 'owner') throw orderNotFound();
  const reason = input.reason ? ` Reason: ${input.reason}` : '';
  const result = await cancelOrder(String(order._id), {
    code: 'customer_request',
    message: `You cancelled this order.${reason}`,
    actor: { type: 'customer', ...(viewer.actorId && { id: viewer.actorId }) },
    from: cancellableStatuses,
  });
  if (!result) throw orderNotFound();
  if (!result.changed && result.order.cancellation?.code !== 'customer_request') {
    throw transitionConflict(result.order, 'CANCELLED');
  }
  return orderView(result.order, viewer);
}
