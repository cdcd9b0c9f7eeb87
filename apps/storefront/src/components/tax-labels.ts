/**
 * The words a shopper sees about tax, in one place so every page says the same thing. With the
 * store's prices including tax (EU) a price is "incl. VAT" and checkout shows the VAT it
 * contains; without (US) a price is "excl. tax" and the tax is added at checkout.
 */

/** Beside a price (product page, cards). */
export function priceTaxNote(pricesIncludeTax: boolean): string {
  return pricesIncludeTax ? 'incl. VAT' : 'excl. tax, added at checkout';
}

/** The subtotal's label in the cart, at checkout and on the order. */
export function subtotalLabel(pricesIncludeTax: boolean): string {
  return pricesIncludeTax ? 'Subtotal (incl. VAT)' : 'Subtotal (excl. tax)';
}

/** 2100 basis points → "21%", 550 → "5.5%" (integer arithmetic, no float rounding). */
export function formatRate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}
