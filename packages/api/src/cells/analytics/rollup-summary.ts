import type { RollupCounts } from '@shop/db/analytics';
import { categoryKeyOf, uncategorised } from './category-key';
import { attributePurchases } from './purchase-attribution';

/** The raw fields a rollup reads from a browsing event. */
export interface BrowsingFact {
  kind: string;
  occurredAt: Date;
  sessionId: string;
  device: string;
  trafficSource: string;
  productId?: string | null;
  query?: string | null;
  path?: string | null;
  /** The product's primary category, once stamped (`category-stamps.ts`). */
  categorySlug?: string | null;
  categoryName?: string | null;
  properties?: Record<string, unknown>;
}

/** The fields a rollup reads from an event the cell recorded from another cell. */
export interface RecordedFact {
  name: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

export interface RollupSummary {
  totals: RollupCounts;
  sales: Record<string, RollupCounts>;
  funnel: Record<string, RollupCounts>;
  products: Record<string, RollupCounts>;
  productNames: Record<string, string>;
  categories: Record<string, RollupCounts>;
  categoryNames: Record<string, string>;
  searches: Record<string, RollupCounts>;
}

/** The funnel's steps as distinct sessions that reached them (orders come from conversions). */
const funnelSteps: Record<string, string> = {
  product_viewed: 'productViews',
  cart_item_added: 'addToCart',
  checkout_started: 'checkout',
};

const add = (counts: RollupCounts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};
const numberOf = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

interface ConfirmedLine {
  sku?: unknown;
  name?: unknown;
  quantity?: unknown;
  lineTotalMinor?: unknown;
  categorySlug?: unknown;
  categoryName?: unknown;
}

/**
 * Counts one bucket's events. Sessions and funnel steps count distinct sessions within the
 * bucket (a session crossing midnight counts in both days); everything else counts events.
 */
export function summariseBucket(browsing: BrowsingFact[], recorded: RecordedFact[]): RollupSummary {
  const summary: RollupSummary = {
    totals: {},
    sales: {},
    funnel: {},
    products: {},
    productNames: {},
    categories: {},
    categoryNames: {},
    searches: {},
  };
  const category = (slug: unknown, name: unknown) => {
    const key = categoryKeyOf(typeof slug === 'string' ? slug : undefined);
    if (typeof name === 'string' && key !== uncategorised.slug) summary.categoryNames[key] = name;
    return (summary.categories[key] ??= {});
  };
  const reached = new Map<string, Set<string>>();
  const reach = (step: string, segment: string, sessionId: string) => {
    const key = `${segment}\n${step}`;
    const sessions = reached.get(key) ?? new Set<string>();
    sessions.add(sessionId);
    reached.set(key, sessions);
  };

  for (const event of browsing) {
    add(summary.totals, event.kind);
    for (const segment of ['all', `device:${event.device}`, `source:${event.trafficSource}`]) {
      reach('sessions', segment, event.sessionId);
      const step = funnelSteps[event.kind];
      if (step) reach(step, segment, event.sessionId);
    }
    if (event.productId && (event.kind === 'product_viewed' || event.kind === 'cart_item_added')) {
      const field = event.kind === 'product_viewed' ? 'views' : 'addToCart';
      add((summary.products[`slug:${event.productId}`] ??= {}), field);
      add(category(event.categorySlug, event.categoryName), field);
    }
    // The storefront's review form reports a review it saved (the product, never the text).
    if (event.productId && event.kind === 'review_written') {
      add((summary.products[`slug:${event.productId}`] ??= {}), 'reviewsWritten');
    }
    if (event.kind === 'search_result_clicked' && event.query) {
      add((summary.searches[event.query] ??= {}), 'clicks');
    }
  }
  for (const [key, sessions] of reached) {
    const [segment = 'all', step = 'sessions'] = key.split('\n');
    (summary.funnel[segment] ??= {})[step] = sessions.size;
  }
  summary.totals.sessions = summary.funnel.all?.sessions ?? 0;
  const attribution = attributePurchases(browsing);
  for (const [key, counts] of Object.entries(attribution.products)) {
    Object.assign((summary.products[key] ??= {}), counts);
  }
  for (const [key, counts] of Object.entries(attribution.categories)) {
    Object.assign((summary.categories[key] ??= {}), counts);
  }
  if (attribution.searchClickSessions > 0) {
    summary.totals.searchClickSessions = attribution.searchClickSessions;
    summary.totals.searchPurchaseSessions = attribution.searchPurchaseSessions;
  }

  for (const event of recorded) {
    const properties = event.properties;
    const currency = typeof properties.currency === 'string' ? properties.currency : 'XXX';
    if (event.name === 'order/order.confirmed') {
      const sales = (summary.sales[currency] ??= {});
      add(sales, 'orders');
      add(sales, 'revenueMinor', numberOf(properties.totalMinor));
      add(sales, 'units', numberOf(properties.itemCount));
      add(summary.totals, 'orders');
      // Neither new nor returning in the customers report (nor an account deleted since).
      if (typeof properties.accountId !== 'string') add(summary.totals, 'guestOrders');
      add((summary.funnel.all ??= {}), 'orders');
      const lines = Array.isArray(properties.lines) ? (properties.lines as ConfirmedLine[]) : [];
      for (const line of lines) {
        if (typeof line.sku !== 'string') continue;
        const product = (summary.products[`sku:${line.sku}`] ??= {});
        add(product, 'units', numberOf(line.quantity));
        add(product, `revenueMinor:${currency}`, numberOf(line.lineTotalMinor));
        if (typeof line.name === 'string') summary.productNames[`sku:${line.sku}`] = line.name;
        const inCategory = category(line.categorySlug, line.categoryName);
        add(inCategory, 'units', numberOf(line.quantity));
        add(inCategory, `revenueMinor:${currency}`, numberOf(line.lineTotalMinor));
      }
    } else if (event.name === 'order/order.cancelled') {
      // Its refund, if any, arrives as its own order.refunded: counted there, once.
      add(summary.totals, 'cancellations');
    } else if (event.name === 'order/order.refunded') {
      add((summary.sales[currency] ??= {}), 'refundsMinor', numberOf(properties.amountMinor));
    } else if (event.name === 'search/search.performed') {
      const query =
        typeof properties.normalizedQuery === 'string' ? properties.normalizedQuery : undefined;
      add(summary.totals, 'searches');
      if (!query) continue;
      const search = (summary.searches[query] ??= {});
      add(search, 'searches');
      if (properties.zeroResults === true) add(search, 'zeroResults');
    } else if (event.name === 'auth/user.registered') {
      add(summary.totals, 'signUps');
    }
  }
  return summary;
}
