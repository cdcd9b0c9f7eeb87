import { postcodeValidator } from 'postcode-validator';

/** A country the shop delivers to, for address forms. */
export interface CountryInfo {
  code: string;
  name: string;
  postcodeExample: string;
}

/**
 * Countries an address may be in, with how their postcodes are written. Whether a postcode is
 * valid is the maintained `postcode-validator` package's call; this table only adds what it does
 * not have: the country's name, an example for error messages, and the canonical spelling a
 * postcode is normalised to before it is checked and stored.
 */
interface CountryRule {
  name: string;
  /** As in "not a valid <label>". */
  label: string;
  postcodeExample: string;
  /** From upper-cased letters and digits only (spaces and dashes removed) to the canonical form. */
  format: (compact: string) => string;
}

const asIs = (compact: string) => compact;
/**
 * Puts `separator` before the last `tail` characters when the compact postcode has one of the
 * `lengths` that format applies to; anything else is left for the validator to refuse.
 */
const splitTail =
  (tail: number, separator: string, lengths: readonly number[]) => (compact: string) =>
    lengths.includes(compact.length)
      ? `${compact.slice(0, -tail)}${separator}${compact.slice(-tail)}`
      : compact;
const withoutPrefix = (prefix: string) => (compact: string) =>
  compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;

const countryRules = {
  AT: { name: 'Austria', label: 'Austrian postcode', postcodeExample: '1010', format: asIs },
  AU: { name: 'Australia', label: 'Australian postcode', postcodeExample: '2000', format: asIs },
  BE: { name: 'Belgium', label: 'Belgian postcode', postcodeExample: '1000', format: asIs },
  CA: {
    name: 'Canada',
    label: 'Canadian postal code',
    postcodeExample: 'K1A 0B1',
    format: splitTail(3, ' ', [6]),
  },
  CH: { name: 'Switzerland', label: 'Swiss postcode', postcodeExample: '8001', format: asIs },
  DE: { name: 'Germany', label: 'German postcode', postcodeExample: '10115', format: asIs },
  DK: { name: 'Denmark', label: 'Danish postcode', postcodeExample: '1050', format: asIs },
  ES: { name: 'Spain', label: 'Spanish postcode', postcodeExample: '28001', format: asIs },
  FI: {
    name: 'Finland',
    label: 'Finnish postcode',
    postcodeExample: '00100',
    format: withoutPrefix('FI'),
  },
  FR: { name: 'France', label: 'French postcode', postcodeExample: '75001', format: asIs },
  GB: {
    name: 'United Kingdom',
    label: 'UK postcode',
    postcodeExample: 'SW1A 1AA',
    format: splitTail(3, ' ', [5, 6, 7]),
  },
  IE: {
    name: 'Ireland',
    label: 'Irish Eircode',
    postcodeExample: 'D02 X285',
    format: splitTail(4, ' ', [7]),
  },
  IT: { name: 'Italy', label: 'Italian postcode', postcodeExample: '00118', format: asIs },
  LU: {
    name: 'Luxembourg',
    label: 'Luxembourg postcode',
    postcodeExample: '1111',
    format: withoutPrefix('L'),
  },
  NL: {
    name: 'Netherlands',
    label: 'Dutch postcode',
    postcodeExample: '1234 AB',
    format: splitTail(2, ' ', [6]),
  },
  NO: { name: 'Norway', label: 'Norwegian postcode', postcodeExample: '0150', format: asIs },
  PL: {
    name: 'Poland',
    label: 'Polish postcode',
    postcodeExample: '00-950',
    format: splitTail(3, '-', [5]),
  },
  PT: {
    name: 'Portugal',
    label: 'Portuguese postcode',
    postcodeExample: '1000-001',
    format: splitTail(3, '-', [7]),
  },
  SE: {
    name: 'Sweden',
    label: 'Swedish postcode',
    postcodeExample: '114 55',
    format: (compact) => splitTail(2, ' ', [5])(withoutPrefix('SE')(compact)),
  },
  US: {
    name: 'United States',
    label: 'US ZIP code',
    postcodeExample: '94105',
    // ZIP+4 gets its dash back; a plain ZIP stays five digits.
    format: splitTail(4, '-', [9]),
  },
} as const satisfies Record<string, CountryRule>;

export type SupportedCountry = keyof typeof countryRules;
export const supportedCountryCodes = Object.keys(countryRules).sort() as [
  SupportedCountry,
  ...SupportedCountry[],
];

/** Every supported country, by name, for the address form's country picker. */
export const supportedCountries: readonly CountryInfo[] = supportedCountryCodes
  .map((code) => ({
    code,
    name: countryRules[code].name,
    postcodeExample: countryRules[code].postcodeExample,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export type PostcodeCheck = { ok: true; postcode: string } | { ok: false; message: string };

/**
 * Normalises `raw` to the country's canonical spelling (upper case, its own spacing: `1234ab` ->
 * `1234 AB`, `sw1a1aa` -> `SW1A 1AA`) and checks it, saying what is expected when it is wrong.
 */
export function checkPostcode(country: SupportedCountry, raw: string): PostcodeCheck {
  const rule: CountryRule = countryRules[country];
  const compact = raw.toUpperCase().replace(/[\s-]+/g, '');
  const postcode = rule.format(compact);
  if (/^[A-Z0-9 -]{2,12}$/.test(postcode) && postcodeValidator(postcode, country)) {
    return { ok: true, postcode };
  }
  return { ok: false, message: `not a valid ${rule.label}, e.g. ${rule.postcodeExample}` };
}
