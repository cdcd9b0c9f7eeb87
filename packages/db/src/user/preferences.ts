/**
 * What a shopper may choose as preferences. Pure data, shared by the model (which refuses anything
 * else) and the user cell (which validates input and lists the choices).
 */
export const supportedLanguages = ['en', 'de', 'fr', 'nl', 'es', 'it', 'sv', 'pl'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

export const supportedCurrencies = [
  'EUR',
  'USD',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'DKK',
  'NOK',
  'PLN',
] as const;
export type SupportedCurrency = (typeof supportedCurrencies)[number];

export const defaultPreferences = {
  marketingConsent: false,
  language: 'en',
  currency: 'EUR',
} as const satisfies {
  marketingConsent: boolean;
  language: SupportedLanguage;
  currency: SupportedCurrency;
};
