/**
 * The built-in test processor's cards: the numbers (and outcomes) of Stripe's test cards, so
 * the same numbers work whether a shop runs offline or against Stripe in test mode.
 * https://docs.stripe.com/testing lists them.
 */
export type TestCardBehaviour =
  | { kind: 'succeeds' }
  | { kind: 'declines'; code: string; message: string }
  /** Asks for 3-D Secure first; `completeTestAuthentication` approves or fails it. */
  | { kind: 'requires_authentication' };

const succeeds: TestCardBehaviour = { kind: 'succeeds' };
const authenticates: TestCardBehaviour = { kind: 'requires_authentication' };

export const testCards: Readonly<Record<string, TestCardBehaviour>> = {
  '4242424242424242': succeeds, // Visa
  '4000056655665556': succeeds, // Visa (debit)
  '5555555555554444': succeeds, // Mastercard
  '2223003122003222': succeeds, // Mastercard (2-series)
  '378282246310005': succeeds, // American Express
  '6011111111111117': succeeds, // Discover
  '4000000000003220': authenticates, // 3-D Secure 2, always asked
  '4000002760003184': authenticates, // 3-D Secure, always asked
  '4000000000000002': {
    kind: 'declines',
    code: 'card_declined',
    message: 'Your card was declined.',
  },
  '4000000000009995': {
    kind: 'declines',
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000000069': {
    kind: 'declines',
    code: 'expired_card',
    message: 'Your card has expired.',
  },
  '4000000000000127': {
    kind: 'declines',
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
};

/**
 * Any other (valid) number: declined, as Stripe's test mode declines real cards, so a real card
 * typed into a shop running the test processor is never treated as paid.
 */
export const unknownTestCard: TestCardBehaviour = {
  kind: 'declines',
  code: 'card_declined',
  message:
    'Your card was declined. This shop takes test payments only; use a test card such as 4242 4242 4242 4242.',
};

export const authenticationFailed = {
  code: 'authentication_failed',
  message: 'We could not authenticate your payment. Try again or use another card.',
} as const;
