import type { Types } from 'mongoose';
import { orderDatabase } from './database';
import { maxOrderWaitMs } from './inputs';
import { orderVersion, type VersionedOrder } from './order-version';

/**
 * How often a waiting `order.get` re-reads the order's version: the order may change in another
 * replica of the order cell, whose announcement never reaches this process.
 */
export const orderRecheckMs = 250;

const versionFields = {
  updatedAt: 1,
  status: 1,
  history: 1,
  'payment.clientSecret': 1,
  waitingOn: 1,
} as const;

const waiters = new Map<string, Set<() => void>>();

/**
 * Tells `order.get` calls waiting in this process that the order changed (called after every
 * write the saga, a cancellation or a transition makes), so they answer at once instead of at
 * their next re-read.
 */
export function announceOrderChange(orderId: Types.ObjectId | string): void {
  const waiting = waiters.get(String(orderId));
  if (waiting) for (const wake of [...waiting]) wake();
}

/** Resolves `true` when a write in this process announced a change, `false` after `ms`. */
function announcementOrTimeout(orderId: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let waiting = waiters.get(orderId);
    if (!waiting) waiters.set(orderId, (waiting = new Set()));
    const finish = (announced: boolean) => {
      clearTimeout(timer);
      waiting.delete(wake);
      if (waiting.size === 0 && waiters.get(orderId) === waiting) waiters.delete(orderId);
      resolve(announced);
    };
    const wake = () => finish(true);
    const timer = setTimeout(() => finish(false), ms);
    waiting.add(wake);
  });
}

/**
 * Resolves once the order's version is no longer `from` (announced in this process, or seen at a
 * re-read every `orderRecheckMs`), or when `timeoutMs` has passed, with the order as `read` (the
 * caller's full read) then finds it, or `undefined` when it is gone. Replaces a page's rapid
 * polling while the saga works with one held request. An announced change is read in full at
 * once; a timed re-check first reads only what the version is made of (most find nothing new).
 */
export async function waitForOrderChange<T extends VersionedOrder>(
  orderId: Types.ObjectId,
  from: string,
  timeoutMs: number,
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const { Order } = await orderDatabase.models();
  const deadline = Date.now() + Math.min(timeoutMs, maxOrderWaitMs);
  for (let left = deadline - Date.now(); left > 0; left = deadline - Date.now()) {
    const announced = await announcementOrTimeout(String(orderId), Math.min(orderRecheckMs, left));
    if (announced) {
      const order = await read();
      if (!order || orderVersion(order) !== from) return order;
      continue;
    }
    const current = await Order.findById(orderId, versionFields).lean<VersionedOrder>();
    if (!current || orderVersion(current) !== from) return read();
  }
  return read();
}
