import type { Logger } from 'pino';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { Identity } from '../identity/identity';

/** What every procedure receives. Built once per HTTP request (one batch) by the cell host. */
export interface CellContext {
  requestId: string;
  /** Already bound to the request id. */
  logger: Logger;
  identity: Identity | null;
  clientAddress: string | null;
  /**
   * The guest cart's secret (`x-cart-token`, copied by the apps from their `shop_cart` cookie);
   * only the order cell reads it.
   */
  cartToken?: string;
}

/** The context of a procedure that requires a signed-in caller (`authedProcedure` and below). */
export type SignedInContext = CellContext & { identity: Identity };

/**
 * The context of a `permissionProcedure`: a signed-in caller plus `audit`, through which a staff
 * mutation describes its change for the audit log (src/audit/README.md).
 */
export type StaffContext = SignedInContext & { audit: AuditRecorder };

/**
 * What a procedure's handler receives: the request's context and its parsed input. Handlers
 * live in a cell's `procedures/` files and are wired to their permission and input schema in
 * `router.ts`, so their types are written here once instead of inferred at each call.
 */
export interface HandlerArgs<Input = undefined, Context extends CellContext = CellContext> {
  ctx: Context;
  input: Input;
}

/** A staff procedure's handler arguments (`permissionProcedure`). */
export type StaffArgs<Input = undefined> = HandlerArgs<Input, StaffContext>;
