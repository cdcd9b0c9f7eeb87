import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/**
 * The review cell's procedures. The skeleton serves only `review.status`; features add the rest,
 * each with its input in `inputs.ts` and its handler in `procedures/<group>.ts`.
 */
export const reviewRouter = router({
  status: statusProcedure('review'),
});
