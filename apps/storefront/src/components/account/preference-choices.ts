import type { RouterInputs } from '@shop/api/client';

type Preferences = NonNullable<RouterInputs['user']['updatePreferences']>;
type Language = NonNullable<Preferences['language']>;
type Currency = NonNullable<Preferences['currency']>;

// What the user cell offers, with names a shopper recognises. `satisfies` keeps the lists in step
// with the cell's input type: a choice the cell does not know fails the typecheck.
export const languageChoices = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
  { value: 'nl', label: 'Nederlands' },
  { value: 'es', label: 'Español' },
  { value: 'it', label: 'Italiano' },
  { value: 'sv', label: 'Svenska' },
  { value: 'pl', label: 'Polski' },
] as const satisfies readonly { value: Language; label: string }[];

export const currencyChoices = [
  { value: 'EUR', label: 'Euro (EUR)' },
  { value: 'USD', label: 'US dollar (USD)' },
  { value: 'GBP', label: 'Pound sterling (GBP)' },
  { value: 'CAD', label: 'Canadian dollar (CAD)' },
  { value: 'AUD', label: 'Australian dollar (AUD)' },
  { value: 'CHF', label: 'Swiss franc (CHF)' },
  { value: 'SEK', label: 'Swedish krona (SEK)' },
  { value: 'DKK', label: 'Danish krone (DKK)' },
  { value: 'NOK', label: 'Norwegian krone (NOK)' },
  { value: 'PLN', label: 'Polish złoty (PLN)' },
] as const satisfies readonly { value: Currency; label: string }[];
