/**
 * "€1,234.50" from 123450 minor units. The amount becomes an exact decimal string (never a float
 * division) that `Intl.NumberFormat` formats as it is; the currency decides its minor digits.
 * en-US, like the storefront's prices, so an email and the page show the same text.
 */
export function formatMinor(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not integer minor units: ${minor}`);
  const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal =
    digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return formatter.format(`${minor < 0 ? '-' : ''}${decimal}` as `${number}`);
}
