import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/** The payment cell's procedures. The skeleton serves only `payment.status`; features add the rest. */
export const paymentRouter = router({
  status: statusProcedure('payment'),
});
