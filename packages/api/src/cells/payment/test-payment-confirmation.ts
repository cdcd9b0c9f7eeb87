import type { PaymentDocument } from '@shop/db/payment';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { isSameSecret } from '../../secrets';
import type { CompleteTestAuthenticationInput, ConfirmTestPaymentInput } from './inputs';
import { paymentDatabase } from './database';
import { settlePayment } from './payment-outcomes';
import { testOutcomeOf, type TestPaymentOutcome } from './views';
import { authenticationFailed } from './providers/test-cards';
import { judgeTestCard } from './providers/test-processor';

const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'No test payment matches this id and secret' });

/**
 * The test processor's payment that `clientSecret` opens. Like Stripe's client secret, it is the
 * browser's only credential: a wrong secret and an unknown id answer the same NOT_FOUND.
 */
async function authorisedTestPayment(
  paymentId: string,
  clientSecret: string,
): Promise<PaymentDocument> {
  const { Payment } = await paymentDatabase.models();
  const payment = await Payment.findById(new Types.ObjectId(paymentId));
  if (!payment || payment.provider !== 'test' || !payment.clientSecret) throw notFound();
  if (!isSameSecret(clientSecret, payment.clientSecret)) throw notFound();
  return payment;
}

/**
 * The shopper submits a card to the test processor. A typo (Luhn, past expiry) is BAD_REQUEST and
 * changes nothing; a test card's outcome settles the payment and sends the same event a Stripe
 * webhook would. Only the brand and last four digits are kept; the number and CVC are not stored
 * or logged.
 */
export async function payWithTestCard(
  input: ConfirmTestPaymentInput,
  logger: Logger,
): Promise<TestPaymentOutcome> {
  const payment = await authorisedTestPayment(input.paymentId, input.clientSecret);
  if (payment.status !== 'requires_payment') return testOutcomeOf(payment);

  const verdict = judgeTestCard(input.card, new Date());
  if (!verdict.valid) throw new TRPCError({ code: 'BAD_REQUEST', message: verdict.message });
  const card = { brand: verdict.brand, last4: verdict.last4 };
  const behaviour = verdict.behaviour;
  let settled: PaymentDocument;
  if (behaviour.kind === 'succeeds') {
    settled = await settlePayment(payment._id, ['requires_payment'], {
      $set: {
        status: 'succeeded',
        card,
        capturedMinor: payment.amountMinor,
        refundableMinor: payment.amountMinor,
      },
    });
  } else if (behaviour.kind === 'declines') {
    settled = await settlePayment(payment._id, ['requires_payment'], {
      $set: {
        status: 'failed',
        card,
        failure: { code: behaviour.code, message: behaviour.message },
      },
    });
  } else {
    settled = await settlePayment(payment._id, ['requires_payment'], {
      $set: { status: 'requires_action', card },
    });
  }
  logger.info(
    { paymentId: input.paymentId, status: settled.status, brand: card.brand },
    'test payment confirmed',
  );
  return testOutcomeOf(settled);
}

/** The 3-D Secure step of the test processor: the shopper approves or fails the challenge. */
export async function answerTestAuthentication(
  input: CompleteTestAuthenticationInput,
  logger: Logger,
): Promise<TestPaymentOutcome> {
  const payment = await authorisedTestPayment(input.paymentId, input.clientSecret);
  if (payment.status !== 'requires_action') return testOutcomeOf(payment);
  const settled = await settlePayment(
    payment._id,
    ['requires_action'],
    input.approve
      ? {
          $set: {
            status: 'succeeded',
            capturedMinor: payment.amountMinor,
            refundableMinor: payment.amountMinor,
          },
        }
      : { $set: { status: 'failed', failure: { ...authenticationFailed } } },
  );
  logger.info(
    { paymentId: input.paymentId, status: settled.status },
    'test payment authentication completed',
  );
  return testOutcomeOf(settled);
}
