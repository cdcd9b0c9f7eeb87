import { cartLimits, type CartLineRecord } from '@shop/db/order';

/**
 * What the cart schema's validators would refuse in `lines`, or null when they may be stored.
 * Carts are written through the driver (cart-store.ts), past mongoose's casting and validators;
 * the lines written are built by this cell from zod-checked input and stored lines, so this is a
 * last guard against a mistake in that code, checked in a few microseconds.
 */
export function cartLinesProblem(lines: readonly CartLineRecord[]): string | null {
  if (lines.length > cartLimits.lines) return `a cart holds at most ${cartLimits.lines} lines`;
  const skus = new Set<string>();
  for (const line of lines) {
    if (typeof line.sku !== 'string' || line.sku.length === 0) return 'a line has no SKU';
    if (skus.has(line.sku)) return `${line.sku} is in two lines`;
    skus.add(line.sku);
    if (
      !Number.isInteger(line.quantity) ||
      line.quantity < 1 ||
      line.quantity > cartLimits.quantityPerLine
    ) {
      return `${line.sku}: quantity ${line.quantity} is not a whole number from 1 to ${cartLimits.quantityPerLine}`;
    }
    if (!Number.isInteger(line.seenUnitPriceMinor) || line.seenUnitPriceMinor < 0) {
      return `${line.sku}: price seen ${line.seenUnitPriceMinor} is not whole minor units`;
    }
    if (!(line.addedAt instanceof Date)) return `${line.sku}: addedAt is not a date`;
  }
  return null;
}
