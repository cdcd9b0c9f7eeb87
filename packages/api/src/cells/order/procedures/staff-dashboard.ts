import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { customerHistoryOf } from '../customer-history';
import type { CustomerHistoryInput } from '../inputs';
import { salesSummaryAt } from '../sales-summary';
import type { CustomerHistory, SalesSummary } from '../views';

/** Staff: the merchant's home figures (`orders:read`). */
export function salesSummary(): Promise<SalesSummary> {
  return salesSummaryAt(new Date());
}

/** Staff: one customer's orders and lifetime value, for their page (`orders:read`). */
export function customerHistory({
  input,
}: HandlerArgs<CustomerHistoryInput, SignedInContext>): Promise<CustomerHistory> {
  return customerHistoryOf(input);
}
