import { analyticsRouter } from './cells/analytics/router';
import { authRouter } from './cells/auth/router';
import { notificationRouter } from './cells/notification/router';
import { orderRouter } from './cells/order/router';
import { paymentRouter } from './cells/payment/router';
import { productRouter } from './cells/product/router';
import { reviewRouter } from './cells/review/router';
import { searchRouter } from './cells/search/router';
import { userRouter } from './cells/user/router';
import { router } from './trpc/init';

/**
 * All nine cells' routers under their domain names. This value is the source of the `AppRouter`
 * type the clients use; a host serves only the cells it hosts (see host/trpc-endpoint.ts).
 */
export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  product: productRouter,
  order: orderRouter,
  payment: paymentRouter,
  notification: notificationRouter,
  search: searchRouter,
  review: reviewRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;
