import { TRPCError } from '@trpc/server';
import { newSecretToken, sha256Hex } from '../../../secrets';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { cancelOrder } from '../cancel-order';
import type { CancelInput, GetInput, ListInput, LookupInput } from '../inputs';
import { checkLookupAllowed, countLookupFailure } from '../lookup-throttle';
import { findVisibleOrder } from '../order-access';
import { orderDatabase, orderNotFound, toObjectId, transitionConflict } from '../order-transitions';
import {
  cancellableStatuses,
  orderSummary,
  orderView,
  type OrderSummary,
  type OrderView,
  type StoredOrder,
} from '../views';

/** The shopper's side of an order after checkout: reading it, finding it, cancelling it. */

/** The owner, a guest with the order's access token, or staff with `orders:read`. */
export async function get({ input, ctx }: HandlerArgs<GetInput>): Promise<OrderView> {
  const { order, viewer } = await findVisibleOrder(input.orderId, ctx.identity, input.accessToken);
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
 * token for `order.get`. Wrong pairs and unknown numbers look the same (NOT_FOUND), and each
 * client address gets a few of those per 15 minutes (429 after), so order numbers cannot be
 * walked with someone's email.
 */
export async function lookup({
  input,
  ctx,
}: HandlerArgs<LookupInput>): Promise<{ orderId: string; accessToken: string }> {
  await checkLookupAllowed(ctx.clientAddress);
  const { Order } = await orderDatabase.models();
  const accessToken = newSecretToken();
  const order = await Order.findOneAndUpdate(
    { number: input.number, 'customer.email': input.email },
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
      message: 'No order with that number and email address',
    });
  }
  return { orderId: String(order._id), accessToken };
}

/**
 * The shopper cancels before shipping. Unpaid: the payment is cancelled and the stock released.
 * Paid (CONFIRMED/PROCESSING): everything captured is refunded and the units go back on hand.
 * Both happen in `compensate-cancelled-order`, started by the cancellation event.
 */
export async function cancel({ input, ctx }: HandlerArgs<CancelInput>): Promise<OrderView> {
  const { order, viewer } = await findVisibleOrder(input.orderId, ctx.identity, input.accessToken);
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
