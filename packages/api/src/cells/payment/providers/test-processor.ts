import { randomBytes } from 'node:crypto';
import { cardBrand, hasExpired, passesLuhn } from './card-number';
import type { CardPaymentProvider } from './payment-provider';
import { testCards, unknownTestCard, type TestCardBehaviour } from './test-cards';

/**
 * The built-in processor used when no Stripe key is configured: the whole checkout works offline
 * and behaves like Stripe's test cards. It holds no state of its own: the payment cell keeps the
 * payment (and its client secret) in its database and applies `judgeTestCard`'s verdict.
 */
export const testProcessor: CardPaymentProvider = {
  name: 'test',
  createPayment: async () => {
    const providerPaymentId = `tp_${randomBytes(12).toString('hex')}`;
    // Like Stripe's: `<payment id>_secret_<random>`; it is the browser's only credential.
    return {
      providerPaymentId,
      clientSecret: `${providerPaymentId}_secret_${randomBytes(24).toString('base64url')}`,
    };
  },
  // The cell stores the test processor's secrets itself.
  clientSecretOf: async () => undefined,
  cancelPayment: async () => 'canceled',
  refund: async () => ({
    providerRefundId: `tpre_${randomBytes(12).toString('hex')}`,
    status: 'succeeded',
  }),
};

export interface TypedCard {
  /** Digits only. */
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export type CardVerdict =
  | { valid: false; message: string }
  | { valid: true; brand: string; last4: string; behaviour: TestCardBehaviour };

/**
 * What the test processor does with a typed card. An invalid number or a past expiry is the
 * shopper's typo (the form says so and nothing is charged); a test card's own outcome is a real
 * answer from the "bank". The result carries only the brand and last four digits.
 */
export function judgeTestCard(card: TypedCard, now: Date): CardVerdict {
  if (!passesLuhn(card.number)) return { valid: false, message: 'The card number is not valid.' };
  if (hasExpired(card.expMonth, card.expYear, now))
    return { valid: false, message: "The card's expiry date is in the past." };
  return {
    valid: true,
    brand: cardBrand(card.number),
    last4: card.number.slice(-4),
    behaviour: testCards[card.number] ?? unknownTestCard,
  };
}
