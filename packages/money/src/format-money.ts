/**
 * How many minor-unit digits an ISO 4217 currency has (USD and EUR 2, JPY 0, KWD 3), as the
 * runtime's currency data knows it. An unknown code throws a RangeError from `Intl`.
 */
export function minorUnitDigits(currency: string): number {
  return formatterFor('en-US', currency, 'exact').resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats an amount held as integer minor units (cents, pence, yen) in its ISO 4217 currency.
 *
 * The amount is turned into an exact decimal string (never divided as a float) and handed to
 * `Intl.NumberFormat`, which formats decimal strings exactly. The number of minor digits comes
 * from the currency itself, so JPY (0 digits) and KWD (3 digits) are right as well as USD.
 * en-US by default: the storefront's prices, the back office and every email read the same.
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  assertMinorUnits(minor);
  const formatter = formatterFor(locale, currency, 'exact');
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnitsToDecimal(minor, digits));
}

/**
 * The amount in whole major units, its minor digits dropped ("€25" for 2500 EUR): for labels
 * whose bounds are whole amounts by construction, such as price filters. Rounds half away from
 * zero when an amount does have minor units.
 */
export function formatWholeMoney(minor: number, currency: string, locale = 'en-US'): string {
  assertMinorUnits(minor);
  const digits = minorUnitDigits(currency);
  return formatterFor(locale, currency, 'whole').format(minorUnitsToDecimal(minor, digits));
}

// Making an Intl.NumberFormat costs far more than using one: keep one per use.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(
  locale: string,
  currency: string,
  units: 'exact' | 'whole',
): Intl.NumberFormat {
  const key = `${locale}|${currency}|${units}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(units === 'whole' && { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The amount as a plain decimal string in the currency's major unit ("12.50" for 1250 USD), for
 * machine-readable places such as structured data. Exact: no float division.
 */
export function minorToDecimalString(minor: number, currency: string): string {
  assertMinorUnits(minor);
  return minorUnitsToDecimal(minor, minorUnitDigits(currency));
}

function assertMinorUnits(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`expected integer minor units, got ${minor}`);
  }
}

function minorUnitsToDecimal(minor: number, digits: number): `${number}` {
  const sign = minor < 0 ? '-' : '';
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal =
    digits === 0
      ? sign + magnitude
      : `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return decimal as `${number}`;
}

/**
 * Reads an amount typed in the currency's major unit (`12`, `12.5`, `12,50`; `1500` yen) into
 * integer minor units, or null when it is not one: a point or a comma before at most the
 * currency's own minor digits (none for JPY, three for KWD), no sign and no thousands separator,
 * so `1.234` in euros is refused rather than read as 1234. Exact: no float arithmetic.
 */
export function decimalTextToMinor(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
