import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/** The user cell's procedures. The skeleton serves only `user.status`; features add the rest. */
export const userRouter = router({
  status: statusProcedure('user'),
});
