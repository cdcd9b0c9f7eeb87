/**
 * Formats an amount held as integer minor units (cents, pence, yen) in its ISO 4217 currency.
 *
 * The amount is turned into an exact decimal string (never divided as a float) and handed to
 * `Intl.NumberFormat`, which formats decimal strings exactly. The number of minor digits comes
 * from the currency itself, so JPY (0 digits) and KWD (3 digits) are right as well as USD.
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`formatMoney expects integer minor units, got ${minor}`);
  }
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnitsToDecimal(minor, digits));
}

/**
 * The amount as a plain decimal string in the currency's major unit ("12.50" for 1250 USD), for
 * machine-readable places such as structured data. Exact: no float division.
 */
export function minorToDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`minorToDecimalString expects integer minor units, got ${minor}`);
  }
  const digits =
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return minorUnitsToDecimal(minor, digits);
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
