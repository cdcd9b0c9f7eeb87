import { TRPCError } from '@trpc/server';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { cancelForOrder, paymentForOrder } from './cancel-for-order';
import {
  cancelForOrderInput,
  cancelForOrderOutput,
  completeTestAuthenticationInput,
  confirmTestPaymentInput,
  forOrderInput,
  forOrderOutput,
  paymentConfigOutput,
  refundInput,
  refundOutput,
  startPaymentInput,
  startPaymentOutput,
  testPaymentOutcome,
} from './payment-contract';
import { paymentDatabase } from './payment-database';
import { paymentViewOf, refundViewOf } from './payment-views';
import { cardProvider } from './providers/choose-provider';
import { refundPayment } from './refunds';
import { startPayment } from './start-payment';
import { completeTestAuthentication, confirmTestPayment } from './test-payment-confirmation';

/**
 * The payment cell's procedures (contract: `payment-contract.ts`). The order saga starts and
 * cancels payments with its service identity (`payments:process`); the shopper's browser confirms
 * test payments with the payment's client secret; staff refund with `payments:refund`.
 */
export const paymentRouter = router({
  status: statusProcedure('payment'),

  /** Which processor the storefront's payment step talks to. */
  config: publicProcedure.output(paymentConfigOutput).query(() => {
    const provider = cardProvider();
    return {
      provider: provider.name,
      ...(provider.publishableKey ? { publishableKey: provider.publishableKey } : {}),
    };
  }),

  startPayment: permissionProcedure('payments:process')
    .input(startPaymentInput)
    .output(startPaymentOutput)
    .mutation(({ input, ctx }) => startPayment(input, ctx.logger)),

  confirmTestPayment: publicProcedure
    .input(confirmTestPaymentInput)
    .output(testPaymentOutcome)
    .mutation(({ input, ctx }) => confirmTestPayment(input, ctx.logger)),

  completeTestAuthentication: publicProcedure
    .input(completeTestAuthenticationInput)
    .output(testPaymentOutcome)
    .mutation(({ input, ctx }) => completeTestAuthentication(input, ctx.logger)),

  cancelForOrder: permissionProcedure('payments:process')
    .input(cancelForOrderInput)
    .output(cancelForOrderOutput)
    .mutation(({ input, ctx }) => cancelForOrder(input, ctx.logger)),

  refund: permissionProcedure('payments:refund')
    .input(refundInput)
    .output(refundOutput)
    .mutation(async ({ input, ctx }) => {
      const payment = await paymentForOrder(input.orderId);
      if (!payment) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'This order has no payment to refund' });
      }
      ctx.logger.info(
        { orderId: input.orderId, amountMinor: input.amountMinor, staffId: ctx.identity.accountId },
        'staff refund requested',
      );
      return refundPayment(payment, input, ctx.logger);
    }),

  forOrder: permissionProcedure('orders:read')
    .input(forOrderInput)
    .output(forOrderOutput)
    .query(async ({ input }) => {
      const { Payment, Refund } = await paymentDatabase.models();
      const [payments, refunds] = await Promise.all([
        Payment.find({ orderId: input.orderId }).sort({ createdAt: 1 }),
        Refund.find({ orderId: input.orderId }).sort({ createdAt: 1 }),
      ]);
      return { payments: payments.map(paymentViewOf), refunds: refunds.map(refundViewOf) };
    }),
});
