import type { RollupCounts } from '@shop/db/analytics';
import { categoryKeyOf } from './category-key';
import type { BrowsingFact } from './rollup-summary';

/** The storefront page a browser lands on once its order is placed (`/checkout/confirmation/<id>`). */
export const purchasePathPrefix = '/checkout/confirmation/';

export interface PurchaseAttribution {
  /** Per product slug: sessions that viewed / clicked it in search, and of those, bought it. */
  products: Record<string, RollupCounts>;
  /** Per category: sessions that viewed a product in it, and of those, bought one of it. */
  categories: Record<string, RollupCounts>;
  /** Sessions that clicked a search result, and those that then bought a product they clicked. */
  searchClickSessions: number;
  searchPurchaseSessions: number;
}

const quantityOf = (event: BrowsingFact) => {
  const quantity = event.properties?.quantity;
  return typeof quantity === 'number' && quantity > 0 ? quantity : 1;
};

/**
 * Which products each session bought, as the browser saw it: what was in its cart (adds minus
 * removals) when it reached the order confirmation page. Orders carry no browsing session, so
 * this is the one way to join a view or a search click to a purchase without storing who bought.
 * Only events of one bucket are seen: a session buying after midnight counts on the next day.
 * Per category (each product's stamped primary category): of the sessions that viewed a product
 * in it, those that bought a product in it (not necessarily the one viewed).
 */
export function attributePurchases(browsing: BrowsingFact[]): PurchaseAttribution {
  const bySession = new Map<string, BrowsingFact[]>();
  for (const event of browsing) {
    const events = bySession.get(event.sessionId) ?? [];
    events.push(event);
    bySession.set(event.sessionId, events);
  }
  const result: PurchaseAttribution = {
    products: {},
    categories: {},
    searchClickSessions: 0,
    searchPurchaseSessions: 0,
  };
  const add = (slug: string, key: string) => {
    const counts = (result.products[`slug:${slug}`] ??= {});
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const addCategory = (category: string, key: string) => {
    const counts = (result.categories[category] ??= {});
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const events of bySession.values()) {
    events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const categoryOf = new Map<string, string>();
    for (const event of events) {
      if (event.productId) categoryOf.set(event.productId, categoryKeyOf(event.categorySlug));
    }
    const viewed = new Set<string>();
    const clicked = new Set<string>();
    const purchased = new Set<string>();
    const cart = new Map<string, number>();
    for (const event of events) {
      const product = event.productId ?? undefined;
      if (event.kind === 'product_viewed' && product) viewed.add(product);
      else if (event.kind === 'search_result_clicked' && product) clicked.add(product);
      else if (event.kind === 'cart_item_added' && product) {
        cart.set(product, (cart.get(product) ?? 0) + quantityOf(event));
      } else if (event.kind === 'cart_item_removed' && product) {
        cart.set(product, Math.max(0, (cart.get(product) ?? 0) - quantityOf(event)));
      } else if (event.kind === 'page_viewed' && event.path?.startsWith(purchasePathPrefix)) {
        for (const [slug, quantity] of cart) if (quantity > 0) purchased.add(slug);
        cart.clear();
      }
    }
    for (const slug of viewed) {
      add(slug, 'viewSessions');
      if (purchased.has(slug)) add(slug, 'viewPurchases');
    }
    for (const slug of clicked) {
      add(slug, 'searchSessions');
      if (purchased.has(slug)) add(slug, 'searchPurchases');
    }
    const viewedCategories = new Set([...viewed].map((slug) => categoryOf.get(slug)!));
    const boughtCategories = new Set([...purchased].map((slug) => categoryOf.get(slug)!));
    for (const category of viewedCategories) {
      addCategory(category, 'viewSessions');
      if (boughtCategories.has(category)) addCategory(category, 'viewPurchases');
    }
    if (clicked.size > 0) {
      result.searchClickSessions += 1;
      if ([...clicked].some((slug) => purchased.has(slug))) result.searchPurchaseSessions += 1;
    }
  }
  return result;
}
