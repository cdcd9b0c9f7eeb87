import { salesSummaryAt } from '../sales-summary';
import type { SalesSummary } from '../views';

/** Staff: the merchant's home figures (`orders:read`). */
export function salesSummary(): Promise<SalesSummary> {
  return salesSummaryAt(new Date());
}
