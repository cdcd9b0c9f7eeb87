import { canTransition, type OrderActorType, type OrderStatus } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { Types, type UpdateQuery } from 'mongoose';
import { recordOrderTransition } from '../../observability/business-metrics';
import { orderDatabase } from './database';
import { announceOrderChange } from './order-changes';
import type { StoredOrder } from './views';
import { isObjectIdText } from '../../ids/object-id-text';

export { orderDatabase };

export interface OrderActor {
  type: OrderActorType;
  /** Account id for customers and staff (absent for guests); the saga step for `system`. */
  id?: string;
}

export interface TransitionRequest {
  to: OrderStatus;
  /** Statuses this change may start from (also bounded by the state machine). */
  from: readonly OrderStatus[];
  actor: OrderActor;
  reason: string;
  /** Fields written in the same update as the status (shipment, cancellation...). */
  set?: Record<string, unknown>;
  unset?: Record<string, 1>;
  /**
   * The order as the caller just read it: the first attempt updates on its status instead of
   * reading the order again (a saga step reads it once). Stale is safe: the update is conditional
   * on that status, and a miss re-reads.
   */
  current?: StoredOrder;
  /**
   * Whether to wake `order.get` calls waiting in this process (default yes). The saga's move to
   * PAYMENT_PROCESSING does not: the pay page can do nothing with it until the payment it starts
   * is stored, which is announced then (one answer to the waiting page instead of two).
   */
  announce?: boolean;
}

export type TransitionResult =
  { changed: true; order: StoredOrder; from: OrderStatus } | { changed: false; order: StoredOrder };

export function toObjectId(orderId: string): Types.ObjectId | undefined {
  return isObjectIdText(orderId) ? new Types.ObjectId(orderId) : undefined;
}

export async function findOrder(orderId: string): Promise<StoredOrder | undefined> {
  const _id = toObjectId(orderId);
  if (!_id) return undefined;
  const { Order } = await orderDatabase.models();
  return ((await Order.findOne({ _id }).lean()) as StoredOrder | null) ?? undefined;
}

/**
 * Moves an order along the state machine with one conditional update on the status it read
 * (`{ _id, status: current }`) that also appends the history entry. Of two concurrent changes
 * only one matches; the other re-reads and either tries again from the new status or reports
 * that the order is no longer in a status it may change from.
 */
export async function transitionOrder(
  orderId: string,
  request: TransitionRequest,
): Promise<TransitionResult | undefined> {
  const _id = toObjectId(orderId);
  if (!_id) return undefined;
  const { Order } = await orderDatabase.models();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // The caller's copy only where it allows the change; an answer that refuses is read fresh.
    const known = attempt === 0 ? request.current : undefined;
    const current =
      known && request.from.includes(known.status)
        ? known
        : ((await Order.findOne({ _id }).lean()) as StoredOrder | null);
    if (!current) return undefined;
    const from = current.status;
    if (!request.from.includes(from) || !canTransition(from, request.to)) {
      return { changed: false, order: current };
    }
    const update: UpdateQuery<StoredOrder> = {
      $set: { ...request.set, status: request.to },
      $push: {
        history: {
          from,
          to: request.to,
          at: new Date(),
          actor: { type: request.actor.type, ...(request.actor.id && { id: request.actor.id }) },
          reason: request.reason,
        },
      },
      ...(request.unset && { $unset: request.unset }),
    };
    const after = (await Order.findOneAndUpdate({ _id, status: from }, update, {
      returnDocument: 'after',
    }).lean()) as StoredOrder | null;
    if (after) {
      if (request.announce !== false) announceOrderChange(_id);
      recordOrderTransition({
        from,
        to: request.to,
        placedAt: after.createdAt ?? after._id.getTimestamp(),
        cancellationCode: after.cancellation?.code,
        totalMinor: after.totalMinor,
        currency: after.currency,
      });
      return { changed: true, order: after, from };
    }
  }
  const latest = await findOrder(orderId);
  return latest && { changed: false, order: latest };
}

const verbs: Partial<Record<OrderStatus, string>> = {
  PROCESSING: 'marked processing',
  SHIPPED: 'shipped',
  DELIVERED: 'marked delivered',
  CANCELLED: 'cancelled',
  CONFIRMED: 'confirmed',
};

/** CONFLICT "Order SO-100001 is SHIPPED; it cannot be cancelled." */
export function transitionConflict(order: StoredOrder, to: OrderStatus): TRPCError {
  return new TRPCError({
    code: 'CONFLICT',
    message: `Order ${order.number} is ${order.status}; it cannot be ${verbs[to] ?? `moved to ${to}`}.`,
  });
}

export function orderNotFound(): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: 'No such order' });
}
