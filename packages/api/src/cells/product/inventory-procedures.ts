import { z } from 'zod';
import { permissionProcedure } from '../../trpc/procedures';
import { productDatabase } from './database';
import { skuInput } from './inputs';
import { commitStock, releaseStock, reserveStock, returnStock } from './reservations';

/** The caller's id for one checkout's hold (the order saga uses the order number). */
const reservationIdInput = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:_-]*$/, 'must be letters, digits, ":", "_" or "-"');

const reserveInput = z
  .object({
    reservationId: reservationIdInput,
    lines: z
      .array(z.object({ sku: skuInput, quantity: z.number().int().min(1).max(10_000) }).strict())
      .min(1)
      .max(100),
    /** How long the hold lasts; default RESERVATION_TTL_SECONDS (15 minutes). */
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();

const reservationRef = z.object({ reservationId: reservationIdInput }).strict();

/** Stock holds for checkouts: the order saga's service calls, behind `inventory:reserve`. */
export const inventoryProcedures = {
  reserveStock: permissionProcedure('inventory:reserve')
    .input(reserveInput)
    .mutation(async ({ input, ctx }) =>
      reserveStock(await productDatabase.models(), input, ctx.logger),
    ),

  releaseStock: permissionProcedure('inventory:reserve')
    .input(reservationRef)
    .mutation(async ({ input, ctx }) =>
      releaseStock(await productDatabase.models(), input.reservationId, ctx.logger),
    ),

  commitStock: permissionProcedure('inventory:reserve')
    .input(reservationRef)
    .mutation(async ({ input, ctx }) =>
      commitStock(await productDatabase.models(), input.reservationId, ctx.logger),
    ),

  /** A paid order was cancelled before shipping: its committed units go back on hand. */
  returnStock: permissionProcedure('inventory:reserve')
    .input(reservationRef)
    .mutation(async ({ input, ctx }) =>
      returnStock(await productDatabase.models(), input.reservationId, ctx.logger),
    ),
};
