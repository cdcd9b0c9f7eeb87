/**
 * Turns what a staff member typed as an amount in euros ("12.3", "12,30", "€ 7") into integer
 * minor units, exactly: the digits are joined as text, never multiplied as a float (12.3 * 100
 * is 1230.0000000000002). Both "." and "," are accepted as the decimal mark; a third decimal
 * ("1.005") or a thousands separator ("1.000,50") is refused rather than guessed.
 */
export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/** Digits of the major unit the form accepts: a billion euros is more than any order. */
const maxWholeDigits = 9;

export interface MoneyInputOptions {
  /** Digits after the decimal mark (2 for euros; also 2 for a percentage in basis points). */
  minorDigits?: number;
  /** Prices and rates may be 0; refunds may not. */
  allowZero?: boolean;
}

export function parseMoneyInput(
  text: string,
  { minorDigits = 2, allowZero = false }: MoneyInputOptions = {},
): MoneyParse {
  const value = text.trim().replace(/^€\s*/, '').replace(/\s*€$/, '').trim();
  if (!value) return { ok: false, message: 'Enter an amount.' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(value);
  if (!match) {
    return { ok: false, message: 'Enter the amount as a number, for example 12.50.' };
  }
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > minorDigits) {
    return {
      ok: false,
      message: `Use at most ${minorDigits} decimals, for example 12.50.`,
    };
  }
  if (whole.length > maxWholeDigits) return { ok: false, message: 'That amount is too large.' };
  const minor = Number.parseInt(whole + fraction.padEnd(minorDigits, '0'), 10);
  if (minor === 0 && !allowZero) return { ok: false, message: 'Enter an amount above zero.' };
  return { ok: true, minor };
}
