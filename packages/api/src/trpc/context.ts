import type { Logger } from 'pino';
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
