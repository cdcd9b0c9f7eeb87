import type { CartLineRecord } from '@shop/db/order';
import type { SkuDetail } from '../product/views';
import type { CartLine, CartNotice } from './views';
import { formatMoney } from '@shop/money';

/** At or below this many units a line shows "only a few left". */
const lowStockAt = 5;

export function lineLabel(line: { name: string; variantLabel: string; sku: string }): string {
  const name = line.name || line.sku;
  return line.variantLabel ? `${name} (${line.variantLabel})` : name;
}

export interface RepricedLines {
  lines: CartLine[];
  /** What to store: quantities reduced to the stock, prices seen updated, snapshots refreshed. */
  records: CartLineRecord[];
  notices: CartNotice[];
  /** True when `records` differ from what was stored. */
  changed: boolean;
}

/**
 * Compares each stored line with the catalog now. A changed price is told once (the new price
 * becomes the seen one); a quantity above the stock is reduced and told once; a sold-out or
 * withdrawn line stays in the cart, is told on every read and blocks checkout.
 */
export function repriceLines(
  stored: readonly CartLineRecord[],
  details: ReadonlyMap<string, SkuDetail>,
  currency: string,
): RepricedLines {
  const lines: CartLine[] = [];
  const records: CartLineRecord[] = [];
  const notices: CartNotice[] = [];
  let changed = false;

  for (const line of stored) {
    const detail = details.get(line.sku);
    const record: CartLineRecord = { ...line };
    if (!detail || !detail.purchasable) {
      const label = lineLabel(detail ?? line);
      notices.push({
        sku: line.sku,
        kind: 'unavailable',
        message: `${label} is no longer available. Remove it to check out.`,
      });
      lines.push({
        sku: line.sku,
        productId: detail?.productId ?? line.productId ?? '',
        slug: detail?.slug ?? line.slug ?? '',
        name: detail?.name ?? (line.name || line.sku),
        variantLabel: detail?.variantLabel ?? line.variantLabel ?? '',
        ...(detail?.imageUrl && { imageUrl: detail.imageUrl, imageAlt: detail.imageAlt ?? '' }),
        unitPriceMinor: line.seenUnitPriceMinor,
        quantity: line.quantity,
        lineTotalMinor: line.seenUnitPriceMinor * line.quantity,
        taxClass: detail?.taxClass ?? 'standard',
        maxQuantity: 0,
        state: 'unavailable',
      });
      records.push(record);
      continue;
    }

    const label = lineLabel(detail);
    if (detail.priceMinor !== line.seenUnitPriceMinor) {
      // The first sighting (a line just added) has no earlier price to compare with.
      if (line.seenUnitPriceMinor > 0) {
        notices.push({
          sku: line.sku,
          kind: 'price_changed',
          message: `The price of ${label} changed from ${formatMoney(line.seenUnitPriceMinor, currency)} to ${formatMoney(detail.priceMinor, currency)}.`,
        });
      }
      record.seenUnitPriceMinor = detail.priceMinor;
    }
    let state: CartLine['state'] = detail.available <= lowStockAt ? 'low_stock' : 'ok';
    if (detail.available === 0) {
      state = 'out_of_stock';
      notices.push({
        sku: line.sku,
        kind: 'out_of_stock',
        message: `${label} is sold out. Remove it to check out.`,
      });
    } else if (detail.available < line.quantity) {
      notices.push({
        sku: line.sku,
        kind: 'quantity_reduced',
        message: `Only ${detail.available} left of ${label}: the quantity was reduced from ${line.quantity} to ${detail.available}.`,
      });
      record.quantity = detail.available;
    }
    record.productId = detail.productId;
    record.slug = detail.slug;
    record.name = detail.name;
    record.variantLabel = detail.variantLabel;
    if (
      record.quantity !== line.quantity ||
      record.seenUnitPriceMinor !== line.seenUnitPriceMinor ||
      record.productId !== line.productId ||
      record.slug !== line.slug ||
      record.name !== line.name ||
      record.variantLabel !== line.variantLabel
    ) {
      changed = true;
    }
    records.push(record);
    lines.push({
      sku: line.sku,
      productId: detail.productId,
      slug: detail.slug,
      name: detail.name,
      variantLabel: detail.variantLabel,
      ...(detail.imageUrl && { imageUrl: detail.imageUrl, imageAlt: detail.imageAlt ?? '' }),
      unitPriceMinor: detail.priceMinor,
      ...(detail.compareAtMinor !== undefined && { compareAtMinor: detail.compareAtMinor }),
      quantity: record.quantity,
      lineTotalMinor: detail.priceMinor * record.quantity,
      taxClass: detail.taxClass,
      maxQuantity: detail.available,
      state,
    });
  }
  return { lines, records, notices, changed };
}

/** Lines that can be bought now: sold-out and withdrawn ones block checkout. */
export function isBuyable(line: CartLine): boolean {
  return line.state === 'ok' || line.state === 'low_stock';
}
