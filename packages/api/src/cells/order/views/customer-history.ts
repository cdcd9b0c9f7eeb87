import type { AdminOrderSummary } from './order';

/** What one customer has spent in one currency: paid orders, net of refunds. */
export interface LifetimeValue {
  currency: string;
  orders: number;
  salesMinor: number;
}

/** `order.customerHistory`: a customer's orders for staff, and what they add up to. */
export interface CustomerHistory {
  /** One per currency the customer paid in, largest first; empty without a paid order. */
  lifetime: LifetimeValue[];
  /** When their first and latest orders (of any state) were placed; ISO 8601. */
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  items: AdminOrderSummary[];
  total: number;
  page: number;
  pageSize: number;
}
