/**
 * The exact words shown next to each newsletter box or button. They are sent with the sign-up and
 * stored with the consent (the notification cell's subscriber history), so what a shopper agreed
 * to can be shown later; change the words here and the record follows.
 */
export const consentWording = {
  footer:
    'Email me the Shop newsletter: new products and offers, at most once a week. I will confirm by email and can unsubscribe at any time.',
  checkout:
    'Also email me the Shop newsletter: new products and offers, at most once a week (confirmed by email; unsubscribe at any time).',
  account:
    'Email me about new products and offers, at most once a week. You can stop at any time here or from any such email.',
} as const;
