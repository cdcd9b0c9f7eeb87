/** Sales over one span: paid orders placed in it, their sales net of refunds, the average. */
export interface SalesFigures {
  orders: number;
  /** Order totals (tax and shipping included) less what was refunded, in minor units. */
  salesMinor: number;
  /** `salesMinor / orders`, rounded half up to a whole minor unit; 0 without orders. */
  averageOrderMinor: number;
}

/** A span so far against the same length of the span before it. */
export interface SalesComparison {
  current: SalesFigures;
  previous: SalesFigures;
}

/** One currency's figures (a shop selling in several currencies gets one each). */
export interface CurrencySales {
  currency: string;
  /** Since 00:00 UTC, against yesterday up to the same time. */
  today: SalesComparison;
  /** Since Monday 00:00 UTC, against last week up to the same time. */
  week: SalesComparison;
}

/** The merchant's home: sales against the previous period, and what waits to be shipped. */
export interface SalesSummary {
  /** When the figures were computed (ISO 8601). */
  asOf: string;
  /** Largest sales this week first; empty when nothing was sold in either week. */
  currencies: CurrencySales[];
  /** Paid orders not yet shipped (CONFIRMED or PROCESSING). */
  awaitingShipment: { count: number; oldestPlacedAt: string | null };
}
