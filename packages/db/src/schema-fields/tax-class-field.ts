/**
 * A product's tax class: which of a country's rates applies to it. The product cell stores it on
 * the product; the order cell reads it (through the product cell's SKU details) at checkout and
 * keeps it on each order line.
 */
export const taxClasses = ['standard', 'reduced', 'zero'] as const;
export type TaxClass = (typeof taxClasses)[number];

export function taxClassField() {
  return { type: String, enum: taxClasses, required: true, default: 'standard' } as const;
}
