import { formatMoney } from '@shop/money';
import type { PaymentDocument, RefundDocument } from '@shop/db/payment';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { sendEvent } from '../../events/inngest-client';
import { refundFailed, refundSucceeded } from '../../events/schemas';
import type { RefundOutput } from './views';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { paymentDatabase } from './database';
import { PaymentProviderError } from './providers/payment-provider';
import { providerForPayment } from './providers/provider-for-payment';

export interface RefundRequest {
  amountMinor: number;
  reason: string;
  idempotencyKey: string;
  /**
   * A cancellation refunds "whatever is left" under one key: a retry finds the refund made by the
   * first attempt even if the amount it computes now differs.
   */
  replayAnyAmount?: boolean;
}

export const refundIdFor = (payment: PaymentDocument, idempotencyKey: string) =>
  derivedObjectId('refund', payment._id.toString(), idempotencyKey);

/**
 * Refunds part or all of a captured payment. The amount is reserved first with one conditional
 * `$inc` whose filter demands `refundableMinor >= amount`, so concurrent refunds can never together
 * exceed captured − refunded; the reservation is given back if the provider fails. The refund's
 * `_id` comes from (payment, key), so a retried or concurrent request with the same key makes one
 * refund, and the provider gets the same idempotency key (`refund-<key>`) too.
 */
export async function refundPayment(
  payment: PaymentDocument,
  request: RefundRequest,
  logger: Logger,
): Promise<RefundOutput> {
  const { Payment, Refund } = await paymentDatabase.models();
  const refundId = refundIdFor(payment, request.idempotencyKey);
  const earlier = await Refund.findById(refundId);
  if (earlier) return replay(earlier, request);

  if (payment.status !== 'succeeded') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The payment of order ${payment.orderNumber} is ${payment.status}; nothing was captured to refund`,
    });
  }
  const reserved = await Payment.findOneAndUpdate(
    { _id: payment._id, status: 'succeeded', refundableMinor: { $gte: request.amountMinor } },
    { $inc: { refundableMinor: -request.amountMinor, refundedMinor: request.amountMinor } },
    { returnDocument: 'after' },
  );
  if (!reserved) {
    const current = await Payment.findById(payment._id);
    const left = current?.refundableMinor ?? 0;
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Only ${formatMoney(left, payment.currency)} of order ${payment.orderNumber} can still be refunded`,
    });
  }
  const giveBack = () =>
    Payment.updateOne(
      { _id: payment._id },
      { $inc: { refundableMinor: request.amountMinor, refundedMinor: -request.amountMinor } },
    );

  let refund: RefundDocument;
  try {
    refund = await Refund.create({
      _id: refundId,
      paymentId: payment._id,
      orderId: payment.orderId ?? payment._id.toString(),
      amountMinor: request.amountMinor,
      currency: payment.currency,
      reason: request.reason,
      status: 'pending',
      idempotencyKey: request.idempotencyKey,
      totalRefundedMinor: reserved.refundedMinor,
    });
  } catch (error) {
    await giveBack();
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await Refund.findById(refundId);
    if (!winner) throw error;
    return replay(winner, request);
  }

  try {
    const result = await providerForPayment(payment).refund({
      providerPaymentId: payment.providerPaymentId ?? payment._id.toString(),
      amountMinor: request.amountMinor,
      idempotencyKey: `refund-${request.idempotencyKey}`,
      orderId: refund.orderId,
      reason: request.reason,
    });
    refund.providerRefundId = result.providerRefundId;
    refund.status = 'succeeded';
    await refund.save();
  } catch (error) {
    await giveBack();
    const message =
      error instanceof PaymentProviderError ? error.message : 'The payment provider failed';
    await Refund.updateOne(
      { _id: refundId },
      { $set: { status: 'failed', failureMessage: message } },
    );
    logger.warn(
      { orderId: refund.orderId, refundId: refundId.toString(), err: error },
      'refund failed',
    );
    // Staff are alerted (notification cell); the refund's answer does not wait on it.
    await sendEvent('payment', refundFailed, {
      orderId: refund.orderId,
      orderNumber: payment.orderNumber,
      refundId: refundId.toString(),
      amountMinor: request.amountMinor,
      currency: payment.currency,
      message,
    }).catch((sendError: unknown) =>
      logger.warn(
        { err: sendError, refundId: refundId.toString() },
        'payment/refund.failed not sent',
      ),
    );
    throw new TRPCError({ code: 'BAD_GATEWAY', message, cause: error });
  }
  logger.info(
    { orderId: refund.orderId, refundId: refundId.toString(), amountMinor: refund.amountMinor },
    'refund succeeded',
  );
  await sendRefundEvent(refund);
  return outputOf(refund);
}

function outputOf(refund: RefundDocument): RefundOutput {
  return {
    refundId: refund._id.toString(),
    amountMinor: refund.amountMinor,
    totalRefundedMinor: refund.totalRefundedMinor ?? refund.amountMinor,
    currency: refund.currency,
  };
}

async function replay(refund: RefundDocument, request: RefundRequest): Promise<RefundOutput> {
  if (!request.replayAnyAmount && refund.amountMinor !== request.amountMinor) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This idempotency key was used for a refund of ${formatMoney(refund.amountMinor, refund.currency)}; use a new key for a different refund`,
    });
  }
  if (refund.status === 'pending') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'A refund with this idempotency key is in progress; try again in a moment',
    });
  }
  if (refund.status === 'failed') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `A refund with this idempotency key failed (${refund.failureMessage ?? 'provider error'}); use a new key to try again`,
    });
  }
  await sendRefundEvent(refund);
  return outputOf(refund);
}

/**
 * Sends `payment/refund.succeeded` once the refund is made. Claimed first like a payment's outcome
 * event (`sendOutcomeEvent`): concurrent callers send it once, a failed send is retried by the next.
 */
export async function sendRefundEvent(refund: RefundDocument): Promise<void> {
  if (refund.eventSentAt || refund.status !== 'succeeded') return;
  const { Refund } = await paymentDatabase.models();
  const claimed = await Refund.updateOne(
    { _id: refund._id, eventSentAt: { $exists: false } },
    { $set: { eventSentAt: new Date() } },
  );
  if (claimed.modifiedCount !== 1) return;
  try {
    await sendEvent('payment', refundSucceeded, {
      orderId: refund.orderId,
      paymentId: refund.paymentId.toString(),
      refundId: refund._id.toString(),
      amountMinor: refund.amountMinor,
      totalRefundedMinor: refund.totalRefundedMinor ?? refund.amountMinor,
      currency: refund.currency,
      reason: refund.reason,
    });
  } catch (error) {
    await Refund.updateOne({ _id: refund._id }, { $unset: { eventSentAt: 1 } });
    throw error;
  }
}
