import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/** The order cell's procedures. The skeleton serves only `order.status`; features add the rest. */
export const orderRouter = router({
  status: statusProcedure('order'),
});
