import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { cartProcedures } from './cart-procedures';
import { checkoutProcedures } from './checkout-procedures';
import { orderLifecycleProcedures } from './lifecycle-procedures';
import { settingsProcedures } from './settings-procedures';

/**
 * The order cell's procedures: the cart and checkout (`cart-procedures.ts`,
 * `checkout-procedures.ts`), staff settings for discounts, shipping and tax
 * (`settings-procedures.ts`), and the order lifecycle after placement (`lifecycle-procedures.ts`).
 */
export const orderRouter = router({
  status: statusProcedure('order'),
  ...cartProcedures,
  ...checkoutProcedures,
  ...settingsProcedures,
  ...orderLifecycleProcedures,
});
