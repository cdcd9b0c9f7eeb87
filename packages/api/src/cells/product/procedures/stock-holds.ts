import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { productDatabase } from '../database';
import type {
  CommitStockInput,
  ReleaseStockInput,
  ReserveStockInput,
  ReturnStockInput,
} from '../inputs';
import * as reservations from '../reservations';

// Stock holds for checkouts: the order saga's service calls, behind `inventory:reserve`.

/** Holds every line or none (see reservations.ts); idempotent per reservation id. */
export async function reserveStock({
  input,
  ctx,
}: HandlerArgs<ReserveStockInput, SignedInContext>) {
  return reservations.reserveStock(await productDatabase.models(), input, ctx.logger);
}

export async function releaseStock({
  input,
  ctx,
}: HandlerArgs<ReleaseStockInput, SignedInContext>) {
  return reservations.releaseStock(await productDatabase.models(), input.reservationId, ctx.logger);
}

export async function commitStock({ input, ctx }: HandlerArgs<CommitStockInput, SignedInContext>) {
  return reservations.commitStock(await productDatabase.models(), input.reservationId, ctx.logger);
}

/** A paid order was cancelled before shipping: its committed units go back on hand. */
export async function returnStock({ input, ctx }: HandlerArgs<ReturnStockInput, SignedInContext>) {
  return reservations.returnStock(await productDatabase.models(), input.reservationId, ctx.logger);
}
