import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  cancelForOrderInput,
  closeUnlessPaidInput,
  completeTestAuthenticationInput,
  confirmTestPaymentInput,
  forOrderInput,
  refundInput,
  startPaymentInput,
} from './inputs';
import { cancelForOrder, closeUnlessPaid, startPayment } from './procedures/saga';
import { forOrder, refund } from './procedures/staff';
import { completeTestAuthentication, confirmTestPayment, config } from './procedures/storefront';
import {
  cancelForOrderOutput,
  closeUnlessPaidOutput,
  forOrderOutput,
  paymentConfigOutput,
  refundOutput,
  startPaymentOutput,
  testPaymentOutcome,
} from './views';

/**
 * `payment.*`. The order saga starts and cancels payments with its service identity
 * (`payments:process`), and closes an unpaid one at the order's deadline; the shopper's browser
 * confirms test payments with the payment's client secret; staff refund with `payments:refund`. Every answer is checked against its schema in
 * `views.ts`.
 */
export const paymentRouter = router({
  status: statusProcedure('payment'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('payment'),

  // The storefront's payment step (procedures/storefront.ts)
  config: publicProcedure.output(paymentConfigOutput).query(config),
  confirmTestPayment: publicProcedure
    .input(confirmTestPaymentInput)
    .output(testPaymentOutcome)
    .mutation(confirmTestPayment),
  completeTestAuthentication: publicProcedure
    .input(completeTestAuthenticationInput)
    .output(testPaymentOutcome)
    .mutation(completeTestAuthentication),

  // The order saga (procedures/saga.ts)
  startPayment: permissionProcedure('payments:process')
    .input(startPaymentInput)
    .output(startPaymentOutput)
    .mutation(startPayment),
  cancelForOrder: permissionProcedure('payments:process')
    .input(cancelForOrderInput)
    .output(cancelForOrderOutput)
    .mutation(cancelForOrder),
  closeUnlessPaid: permissionProcedure('payments:process')
    .input(closeUnlessPaidInput)
    .output(closeUnlessPaidOutput)
    .mutation(closeUnlessPaid),

  // Staff (procedures/staff.ts)
  refund: permissionProcedure('payments:refund')
    .input(refundInput)
    .output(refundOutput)
    .mutation(refund),
  forOrder: permissionProcedure('orders:read')
    .input(forOrderInput)
    .output(forOrderOutput)
    .query(forOrder),
});
