import type { StockState } from './types';

/** What shoppers see of a SKU's stock: a state, never the counts. */
export function stockState(
  item: { available: number; lowStockThreshold: number } | undefined,
): StockState {
  if (!item || item.available <= 0) return 'out_of_stock';
  return item.available <= item.lowStockThreshold ? 'low_stock' : 'in_stock';
}
