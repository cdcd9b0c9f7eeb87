import { TRPCClientError } from '@trpc/client';
import { RetryAfterError } from 'inngest';
import type { OrderStatus } from '@shop/db/order';
import { announceOrderChange } from '../order-changes';
import { orderDatabase, toObjectId } from '../order-transitions';
import { serviceErrorCode } from './service-errors';

/** How often a step asks again while the other cell is unreachable. */
export const outagePollMs = 1_000;
/**
 * How long one step attempt keeps asking before it hands the wait back to Inngest (a step is an
 * HTTP request from the engine; holding it for minutes would tie up a worker).
 */
export const outageWaitPerAttemptMs = 20_000;
/** When Inngest runs the next attempt: soon, so a cell that comes back is used within seconds. */
export const outageRetryAfterMs = 2_000;

/** Codes that mean "the cell is not there right now", as opposed to an answer to act on. */
const unavailableCodes = new Set([
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
]);

/**
 * Whether a cross-cell call failed because the other cell could not be reached (connection
 * refused or reset, timed out, 502-504) rather than because it answered with a refusal.
 */
export function isCellUnavailable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const code = serviceErrorCode(error);
  return code === undefined || unavailableCodes.has(code);
}

export const orderMovedOn = Symbol('order moved on');

interface OutageCall<T> {
  orderId: string;
  service: 'product' | 'payment';
  /** The statuses in which the order still needs this call; any other ends the wait. */
  whileStatusIn: readonly OrderStatus[];
  call: () => Promise<T>;
  /** Tests shorten the waits. */
  timing?: { pollMs: number; waitPerAttemptMs: number; retryAfterMs: number };
}

/**
 * Makes a saga step's call to another cell, riding out that cell's outage: while it cannot be
 * reached, the order records `waitingOn` (so the shopper's pay page explains the wait within
 * seconds instead of showing a spinner), and the call is repeated every second, so the order
 * moves on as soon as the cell is back. After `waitPerAttemptMs` the step hands the wait back to
 * Inngest with a short Retry-After; the saga's retry budget still bounds the whole wait, after
 * which the saga's failure handler cancels the order. A shopper or staff cancelling the order
 * meanwhile ends the wait (`orderMovedOn`). The caller clears `waitingOn` in the write that
 * records the call's result.
 */
export async function callThroughOutage<T>(
  request: OutageCall<T>,
): Promise<T | typeof orderMovedOn> {
  const timing = request.timing ?? {
    pollMs: outagePollMs,
    waitPerAttemptMs: outageWaitPerAttemptMs,
    retryAfterMs: outageRetryAfterMs,
  };
  const giveUpAt = Date.now() + timing.waitPerAttemptMs;
  let recorded = false;
  for (;;) {
    try {
      return await request.call();
    } catch (error) {
      if (!isCellUnavailable(error)) throw error;
      const { Order } = await orderDatabase.models();
      const _id = toObjectId(request.orderId);
      if (!recorded) {
        recorded = true;
        await Order.updateOne(
          { _id, status: { $in: request.whileStatusIn }, waitingOn: { $exists: false } },
          { $set: { waitingOn: { service: request.service, since: new Date() } } },
        );
        announceOrderChange(request.orderId);
      }
      if (Date.now() + timing.pollMs > giveUpAt) {
        throw new RetryAfterError(
          `the ${request.service} cell is unreachable; trying again shortly`,
          timing.retryAfterMs,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
      const order = await Order.findById(_id, { status: 1 }).lean();
      if (!order || !request.whileStatusIn.includes(order.status)) return orderMovedOn;
    }
  }
}
