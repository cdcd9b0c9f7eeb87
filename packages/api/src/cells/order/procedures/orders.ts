import { orderStatuses, type OrderStatus } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import type { QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import { z } from 'zod';
import { orderDelivered, orderShipped } from './events';
import type { Identity } from '../../identity/identity';
import { pageWindow, paginationInput } from '../../trpc/pagination';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { hashOrderAccessToken, newOrderAccessToken, viewerOf } from './order-access';
import { cancelOrder } from './order-saga/cancel-order';
import { orderRef, sendOrderEvent } from './order-saga/send-order-event';
import {
  findOrder,
  orderDatabase,
  orderNotFound,
  toObjectId,
  transitionConflict,
  transitionOrder,
  type OrderActor,
  type TransitionRequest,
} from './order-transitions';
import {
  adminOrderSummary,
  cancellableStatuses,
  orderSummary,
  orderView,
  type AdminOrderSummary,
  type OrderSummary,
  type OrderView,
  type StoredOrder,
} from './order-view';
import { checkLookupAllowed, countLookupFailure } from './lookup-throttle';

export type { AdminOrderSummary, OrderSummary, OrderView } from './order-view';

const orderIdInput = z.string().regex(/^[0-9a-f]{24}$/i, 'orderId must be an order id');
/** The guest's secret from `order.place` or `order.lookup` (43 characters, base64url). */
const accessTokenInput = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'accessToken is malformed');
const text = (max: number) => z.string().trim().min(1).max(max);

export const getOrderInput = z
  .object({ orderId: orderIdInput, accessToken: accessTokenInput.optional() })
  .strict();
export const listOrdersInput = z
  .object(paginationInput)
  .strict()
  .default({ page: 1, pageSize: 24 });
export const lookupOrderInput = z
  .object({
    number: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^SO-\d{1,12}$/, 'number looks like SO-100001'),
    email: z.string().trim().toLowerCase().email('email must be an email address').max(254),
  })
  .strict();
export const cancelOrderInput = z
  .object({
    orderId: orderIdInput,
    accessToken: accessTokenInput.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export const adminListOrdersInput = z
  .object({
    status: z.enum(orderStatuses).optional(),
    /** An order number, or part of the customer's email or name. */
    q: z.string().trim().max(100).optional(),
    ...paginationInput,
  })
  .strict()
  .default({ page: 1, pageSize: 24 });
export const markProcessingInput = z
  .object({ orderId: orderIdInput, note: z.string().trim().max(500).optional() })
  .strict();
export const markShippedInput = z
  .object({
    orderId: orderIdInput,
    carrier: text(100),
    trackingNumber: text(100),
    trackingUrl: z
      .string()
      .trim()
      .max(500)
      .url('trackingUrl must be a URL')
      .refine((url) => url.startsWith('https://'), 'trackingUrl must start with https://')
      .optional(),
  })
  .strict();
export const markDeliveredInput = z.object({ orderId: orderIdInput }).strict();
export const staffCancelInput = z.object({ orderId: orderIdInput, reason: text(500) }).strict();

async function visibleOrder(
  orderId: string,
  identity: Identity | null,
  accessToken: string | undefined,
) {
  const order = await findOrder(orderId);
  if (!order) throw orderNotFound();
  const viewer = viewerOf(order, identity, accessToken);
  if (viewer.kind === 'none') throw orderNotFound();
  return { order, viewer };
}

const staffActor = (identity: Identity): OrderActor => ({ type: 'staff', id: identity.accountId });

/** A staff transition: the state machine decides, CONFLICT names the current status. */
async function staffTransition(orderId: string, request: TransitionRequest): Promise<StoredOrder> {
  const result = await transitionOrder(orderId, request);
  if (!result) throw orderNotFound();
  if (!result.changed) throw transitionConflict(result.order, request.to);
  return result.order;
}

/**
 * Sends a shipped/delivered event after the change was stored. A failed send is logged, not
 * thrown: the order did move, and a retried call would only be refused as an impossible step.
 */
async function announce(
  logger: Pick<Logger, 'error'>,
  order: StoredOrder,
  send: () => Promise<void>,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.error(
      { err: error, orderId: String(order._id), status: order.status },
      'order event not sent',
    );
  }
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The order's life after checkout: reading it, and each step staff or the shopper take. */
export const orderLifecycleProcedures = {
  /** The owner, a guest with the order's access token, or staff with `orders:read`. */
  get: publicProcedure.input(getOrderInput).query(async ({ input, ctx }): Promise<OrderView> => {
    const { order, viewer } = await visibleOrder(input.orderId, ctx.identity, input.accessToken);
    return orderView(order, viewer);
  }),

  /** The signed-in customer's orders, newest first. */
  list: authedProcedure
    .input(listOrdersInput)
    .query(
      async ({
        input,
        ctx,
      }): Promise<{ items: OrderSummary[]; page: number; pageSize: number; total: number }> => {
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
      },
    ),

  /**
   * A guest finds their order by number and the email they gave; the answer is a fresh access
   * token for `order.get`. Wrong pairs and unknown numbers look the same (NOT_FOUND), and each
   * client address gets a few of those per 15 minutes (429 after), so order numbers cannot be
   * walked with someone's email.
   */
  lookup: publicProcedure
    .input(lookupOrderInput)
    .mutation(async ({ input, ctx }): Promise<{ orderId: string; accessToken: string }> => {
      await checkLookupAllowed(ctx.clientAddress);
      const { Order } = await orderDatabase.models();
      const accessToken = newOrderAccessToken();
      const order = await Order.findOneAndUpdate(
        { number: input.number, 'customer.email': input.email },
        {
          $push: {
            guestLookupTokenHashes: { $each: [hashOrderAccessToken(accessToken)], $slice: -10 },
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
    }),

  /**
   * The shopper cancels before shipping. Unpaid: the payment is cancelled and the stock released.
   * Paid (CONFIRMED/PROCESSING): everything captured is refunded and the units go back on hand.
   * Both happen in `compensate-cancelled-order`, started by the cancellation event.
   */
  cancel: publicProcedure
    .input(cancelOrderInput)
    .mutation(async ({ input, ctx }): Promise<OrderView> => {
      const { order, viewer } = await visibleOrder(input.orderId, ctx.identity, input.accessToken);
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
    }),

  adminList: permissionProcedure('orders:read')
    .input(adminListOrdersInput)
    .query(
      async ({
        input,
      }): Promise<{
        items: AdminOrderSummary[];
        total: number;
        page: number;
        pageSize: number;
      }> => {
        const { Order } = await orderDatabase.models();
        const filter: QueryFilter<StoredOrder> = {};
        if (input.status) filter.status = input.status;
        if (input.q) {
          const pattern = new RegExp(escapeRegex(input.q), 'i');
          filter.$or = [
            { number: input.q.toUpperCase() },
            { 'customer.email': pattern },
            { 'customer.name': pattern },
          ];
        }
        const { skip, limit } = pageWindow(input.page, input.pageSize);
        const [orders, total] = await Promise.all([
          Order.find(filter).sort({ createdAt: -1 }).skip(skip).limit(limit).lean(),
          Order.countDocuments(filter),
        ]);
        return {
          items: (orders as StoredOrder[]).map(adminOrderSummary),
          total,
          page: input.page,
          pageSize: input.pageSize,
        };
      },
    ),

  markProcessing: permissionProcedure('orders:write')
    .input(markProcessingInput)
    .mutation(async ({ input, ctx }): Promise<OrderView> => {
      const order = await staffTransition(input.orderId, {
        to: 'PROCESSING',
        from: ['CONFIRMED'],
        actor: staffActor(ctx.identity),
        reason: input.note ?? 'Being prepared for shipping',
      });
      return orderView(order, { kind: 'staff', actorId: ctx.identity.accountId });
    }),

  markShipped: permissionProcedure('orders:write')
    .input(markShippedInput)
    .mutation(async ({ input, ctx }): Promise<OrderView> => {
      const order = await staffTransition(input.orderId, {
        to: 'SHIPPED',
        from: ['PROCESSING'],
        actor: staffActor(ctx.identity),
        reason: `Shipped with ${input.carrier} (${input.trackingNumber})`,
        set: {
          shipment: {
            carrier: input.carrier,
            trackingNumber: input.trackingNumber,
            ...(input.trackingUrl && { trackingUrl: input.trackingUrl }),
            shippedAt: new Date(),
          },
        },
      });
      await announce(ctx.logger, order, () =>
        sendOrderEvent(
          orderShipped,
          {
            ...orderRef(order),
            carrier: input.carrier,
            trackingNumber: input.trackingNumber,
            ...(input.trackingUrl && { trackingUrl: input.trackingUrl }),
          },
          `order-shipped-${input.orderId}`,
        ),
      );
      return orderView(order, { kind: 'staff', actorId: ctx.identity.accountId });
    }),

  markDelivered: permissionProcedure('orders:write')
    .input(markDeliveredInput)
    .mutation(async ({ input, ctx }): Promise<OrderView> => {
      const order = await staffTransition(input.orderId, {
        to: 'DELIVERED',
        from: ['SHIPPED'],
        actor: staffActor(ctx.identity),
        reason: 'Delivered',
        set: { deliveredAt: new Date() },
      });
      await announce(ctx.logger, order, () =>
        sendOrderEvent(orderDelivered, orderRef(order), `order-delivered-${input.orderId}`),
      );
      return orderView(order, { kind: 'staff', actorId: ctx.identity.accountId });
    }),

  /** Staff cancel before shipping; the same compensation as the shopper's cancel. */
  staffCancel: permissionProcedure('orders:write')
    .input(staffCancelInput)
    .mutation(async ({ input, ctx }): Promise<OrderView> => {
      const result = await cancelOrder(input.orderId, {
        code: 'staff',
        message: input.reason,
        actor: staffActor(ctx.identity),
        from: cancellableStatuses satisfies readonly OrderStatus[],
      });
      if (!result) throw orderNotFound();
      if (!result.changed) throw transitionConflict(result.order, 'CANCELLED');
      return orderView(result.order, { kind: 'staff', actorId: ctx.identity.accountId });
    }),
};
