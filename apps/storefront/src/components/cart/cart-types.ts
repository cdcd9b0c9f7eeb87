import type { RouterOutputs } from '@shop/api/client';

/** The order cell's cart as every cart procedure answers it (contract: CartView). */
export type CartView = RouterOutputs['order']['cart'];
export type CartLine = CartView['lines'][number];
export type CartNotice = CartView['notices'][number];
