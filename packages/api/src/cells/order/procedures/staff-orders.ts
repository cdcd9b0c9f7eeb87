import type { OrderStatus } from '@shop/db/order';
import type { QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import type { Identity } from '../../../identity/identity';
import type { HandlerArgs, SignedInContext, StaffArgs, StaffContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { cancelOrder } from '../cancel-order';
import { orderDelivered, orderShipped } from '../events';
import type {
  AdminListInput,
  MarkDeliveredInput,
  MarkProcessingInput,
  MarkShippedInput,
  StaffCancelInput,
} from '../inputs';
import {
  orderDatabase,
  orderNotFound,
  transitionConflict,
  transitionOrder,
  type OrderActor,
  type TransitionRequest,
} from '../order-transitions';
import { orderRef, sendOrderEvent } from '../send-order-event';
import {
  adminOrderSummary,
  cancellableStatuses,
  orderView,
  type AdminOrderSummary,
  type OrderView,
  type StoredOrder,
} from '../views';
import { orderNumberCandidates } from '../order-number';

/** Staff's side of an order: finding it and each step of its fulfilment (`orders:*`). */

const staffActor = (identity: Identity): OrderActor => ({ type: 'staff', id: identity.accountId });

/** A staff transition: the state machine decides, CONFLICT names the current status. */
async function staffTransition(
  ctx: StaffContext,
  orderId: string,
  request: TransitionRequest,
): Promise<StoredOrder> {
  const result = await transitionOrder(orderId, request);
  if (!result) throw orderNotFound();
  if (!result.changed) throw transitionConflict(result.order, request.to);
  auditTransition(ctx, result.order, result.from, Object.keys(request.set ?? {}));
  return result.order;
}

/** The audit log's before/after of a status change, with the fields it set (e.g. the shipment). */
function auditTransition(
  ctx: StaffContext,
  order: StoredOrder,
  from: OrderStatus,
  setFields: readonly string[],
): void {
  const current = order as unknown as Record<string, unknown>;
  ctx.audit.record({
    object: { type: 'order', id: String(order._id) },
    before: { number: order.number, status: from },
    after: {
      number: order.number,
      status: order.status,
      ...Object.fromEntries(setFields.map((field) => [field, current[field]])),
    },
  });
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

export async function adminList({ input }: HandlerArgs<AdminListInput, SignedInContext>): Promise<{
  items: AdminOrderSummary[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const { Order } = await orderDatabase.models();
  const filter: QueryFilter<StoredOrder> = {};
  if (input.status) filter.status = input.status;
  if (input.q) {
    const pattern = new RegExp(escapeRegex(input.q), 'i');
    filter.$or = [
      // "7kq4 m2xh" finds SO-7KQ4-M2XH: staff type what they were told on the phone.
      { number: { $in: [input.q.toUpperCase(), ...orderNumberCandidates(input.q)] } },
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
}

export async function markProcessing({
  input,
  ctx,
}: StaffArgs<MarkProcessingInput>): Promise<OrderView> {
  const order = await staffTransition(ctx, input.orderId, {
    to: 'PROCESSING',
    from: ['CONFIRMED'],
    actor: staffActor(ctx.identity),
    reason: input.note ?? 'Being prepared for shipping',
  });
  return orderView(order, { kind: 'staff', actorId: ctx.identity.accountId });
}

export async function markShipped({ input, ctx }: StaffArgs<MarkShippedInput>): Promise<OrderView> {
  const order = await staffTransition(ctx, input.orderId, {
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
}

export async function markDelivered({
  input,
  ctx,
}: StaffArgs<MarkDeliveredInput>): Promise<OrderView> {
  const order = await staffTransition(ctx, input.orderId, {
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
}

/** Staff cancel before shipping; the same compensation as the shopper's cancel. */
export async function staffCancel({ input, ctx }: StaffArgs<StaffCancelInput>): Promise<OrderView> {
  const result = await cancelOrder(input.orderId, {
    code: 'staff',
    message: input.reason,
    actor: staffActor(ctx.identity),
    from: cancellableStatuses satisfies readonly OrderStatus[],
  });
  if (!result) throw orderNotFound();
  if (!result.changed) throw transitionConflict(result.order, 'CANCELLED');
  auditTransition(ctx, result.order, result.from, ['cancellation']);
  return orderView(result.order, { kind: 'staff', actorId: ctx.identity.accountId });
}
