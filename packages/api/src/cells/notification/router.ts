import { router } from '../../trpc/init';
import { statusProcedure } from '../status';

/** The notification cell's procedures. The skeleton serves only `notification.status`; features add the rest. */
export const notificationRouter = router({
  status: statusProcedure('notification'),
});
