import { hostConfig } from '../../config/host';
import { cellClient } from '../../cross-cell/cell-client';
import type { SkuDetail } from '../product/views';
import { keepRecentSkuEntry, recentSkuEntry } from './recent-sku-entries';
import {
  projectedFrom,
  projectedSkusOfProduct,
  readProjection,
  writeProjected,
  type ProjectedSku,
} from './sku-projection-store';

/**
 * Carts are priced from the order cell's projection of the catalog (`SkuProjection`), not by a
 * call to the product cell per operation. The staleness bound: an entry is trusted for
 * `ORDER_CART_PRICES_MAX_AGE_MS` (default 60 s) after the order cell last had it from the product
 * cell; a missing or older entry costs one fresh `product.skuDetails` call, which refills it.
 * Product events (`product.updated`, `product.archived`, `stock.low`) refresh a product's entries
 * as soon as they arrive (functions/refresh-sku-projection.ts), so price, publication and
 * sold-out changes show within the event's delivery time; stock counts that move without an event
 * show within the bound. `order.place` always asks the product cell fresh (`freshSkuDetails`).
 */

function maxAgeMs(): number {
  return hostConfig().ORDER_CART_PRICES_MAX_AGE_MS;
}

/** `product.skuDetails` answers at most this many SKUs per call (a product may have 250). */
const skusPerCall = 100;

/** Price, stock and names of SKUs from the product cell, past its cache (a cross-cell call). */
async function fetchSkuDetails(skus: readonly string[]): Promise<Map<string, SkuDetail>> {
  const calls: Promise<{ items: SkuDetail[] }>[] = [];
  for (let start = 0; start < skus.length; start += skusPerCall) {
    const part = skus.slice(start, start + skusPerCall);
    calls.push(cellClient().product.skuDetails.query({ skus: part, fresh: true }));
  }
  const answers = await Promise.all(calls);
  return new Map(answers.flatMap(({ items }) => items.map((item) => [item.sku, item] as const)));
}

/** Concurrent operations missing the same SKU share one call to the product cell. */
const inFlight = new Map<string, Promise<ProjectedSku>>();

/** Asks the product cell fresh for `skus`, stores the answers (guarded) and returns them. */
async function askAndRecord(skus: readonly string[]): Promise<ProjectedSku[]> {
  const checkedAtMs = Date.now();
  const details = await fetchSkuDetails(skus);
  const entries = skus.map((sku) => projectedFrom(sku, details.get(sku), checkedAtMs));
  const maxAge = maxAgeMs();
  // With the projection's trust turned off nothing reads it: no write either.
  if (maxAge === 0) return entries;
  await Promise.all(
    entries.map(async (entry) => {
      const before = recentSkuEntry(entry.sku, Date.now());
      // Nothing changed since this process last held it: no write needed.
      if (before?.detail && before.sourceChangedAtMs === entry.sourceChangedAtMs) return;
      const stored = await writeProjected(entry, Date.now() - maxAge);
      if (stored) keepRecentSkuEntry(entry, Date.now(), entry.checkedAtMs + maxAge);
    }),
  );
  return entries;
}

function askOnce(skus: readonly string[]): Promise<ProjectedSku>[] {
  const toAsk = skus.filter((sku) => !inFlight.has(sku));
  if (toAsk.length > 0) {
    const asking = askAndRecord(toAsk);
    toAsk.forEach((sku, index) => {
      const one = asking.then((entries) => entries[index] as ProjectedSku);
      inFlight.set(sku, one);
      const forget = () => {
        if (inFlight.get(sku) === one) inFlight.delete(sku);
      };
      one.then(forget, forget);
    });
  }
  return skus.map((sku) => inFlight.get(sku) as Promise<ProjectedSku>);
}

function detailsOf(entries: Iterable<ProjectedSku>): Map<string, SkuDetail> {
  const details = new Map<string, SkuDetail>();
  for (const entry of entries) if (entry.detail) details.set(entry.sku, entry.detail);
  return details;
}

/**
 * Price, stock and names of SKUs for a cart, from the projection within the staleness bound
 * (unknown SKUs are left out). `recheck`: a SKU held as unknown is asked again (a shopper adding
 * it: it may have been created since).
 */
export async function projectedSkuDetails(
  requested: readonly string[],
  options: { recheck?: string } = {},
): Promise<Map<string, SkuDetail>> {
  const skus = [...new Set(requested)];
  if (skus.length === 0) return new Map();
  const maxAge = maxAgeMs();
  if (maxAge === 0) return detailsOf(await Promise.all(askOnce(skus)));

  const now = Date.now();
  const trusted = (entry: ProjectedSku) =>
    entry.checkedAtMs > now - maxAge &&
    (entry.detail !== undefined || entry.sku !== options.recheck);
  const found = new Map<string, ProjectedSku>();
  const unread: string[] = [];
  for (const sku of skus) {
    const kept = recentSkuEntry(sku, now);
    if (kept && trusted(kept)) found.set(sku, kept);
    else unread.push(sku);
  }
  for (const entry of await readProjection(unread)) {
    if (!trusted(entry)) continue;
    found.set(entry.sku, entry);
    keepRecentSkuEntry(entry, now, entry.checkedAtMs + maxAge);
  }
  const stale = skus.filter((sku) => !found.has(sku));
  const asked = await Promise.all(askOnce(stale));
  for (const entry of asked) found.set(entry.sku, entry);
  return detailsOf(skus.flatMap((sku) => found.get(sku) ?? []));
}

/**
 * Checkout's check: the product cell asked fresh, past the projection, whose entries are
 * refreshed with the answer (so the cart the shopper goes back to shows what they were told).
 */
export async function freshSkuDetails(skus: readonly string[]): Promise<Map<string, SkuDetail>> {
  if (skus.length === 0) return new Map();
  return detailsOf(await askAndRecord([...new Set(skus)]));
}

/**
 * A product changed at the product cell: its SKUs the projection holds are asked fresh and
 * replaced. SKUs never held are left for their first use, so products nobody carts cost no write.
 */
export async function refreshProductSkus(productId: string): Promise<number> {
  const skus = await projectedSkusOfProduct(productId);
  if (skus.length > 0) await askAndRecord(skus);
  return skus.length;
}
