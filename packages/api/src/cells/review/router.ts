import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/** The review cell's procedures. The skeleton serves only `review.status`; features add the rest. */
export const reviewRouter = router({
  status: statusProcedure('review'),
});
