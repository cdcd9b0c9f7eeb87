import { analyticsDatabase } from './database';
import { purchasePathPrefix } from './purchase-attribution';
import { localDayBounds, localDayOf } from './zoned-time';

/** A cart untouched this long, with items in it and no order, counts as abandoned. */
export const abandonedAfterMs = 60 * 60 * 1000;
/** A purchase by the same browser within this long after the abandonment recovers the cart. */
export const recoveryWindowMs = 7 * 24 * 60 * 60 * 1000;

export interface AbandonedCartsData {
  /** Sessions that left items in their cart, by the local day of their last cart change. */
  abandoned: number;
  /** What the abandoned carts held, per currency (as priced when the items were added). */
  valueMinor: Record<string, number>;
  /** Abandoned carts whose browser placed an order within 7 days after. */
  recovered: number;
  recoveredValueMinor: Record<string, number>;
  days: { day: string; abandoned: number; recovered: number }[];
}

interface CartFact {
  kind: string;
  occurredAt: Date;
  anonymousId: string;
  sessionId: string;
  productId?: string | null;
  path?: string | null;
  properties?: { quantity?: unknown; unitPriceMinor?: unknown; currency?: unknown };
}

interface OpenCart {
  anonymousId: string;
  lastChange: number;
  lines: Map<string, { quantity: number; unitPriceMinor: number; currency: string }>;
}

const positive = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/**
 * Abandoned carts of a range of local days, from the raw browsing events (cart changes and order
 * confirmation pages), not from rollups: recovery joins a cart to a purchase on a later day by
 * the same browser, which no day bucket holds. So it reaches back only as far as the raw-event
 * retention (90 days by default). A cart is a browsing session's; its value is what it held
 * when the shopper left, priced as the storefront showed the items.
 */
export async function abandonedCartsData(
  timeZone: string,
  from: string,
  to: string,
  now = Date.now(),
): Promise<AbandonedCartsData> {
  const { TrackedEvent } = await analyticsDatabase.models();
  const start = localDayBounds(timeZone, from).start;
  const end = localDayBounds(timeZone, to).end;
  const facts = await TrackedEvent.find({
    occurredAt: { $gte: new Date(start), $lt: new Date(Math.min(end + recoveryWindowMs, now)) },
    $or: [
      { kind: { $in: ['cart_item_added', 'cart_item_removed'] } },
      { kind: 'page_viewed', path: { $regex: `^${purchasePathPrefix}` } },
    ],
  })
    .select({
      kind: 1,
      occurredAt: 1,
      anonymousId: 1,
      sessionId: 1,
      productId: 1,
      path: 1,
      properties: 1,
    })
    .sort({ occurredAt: 1 })
    .lean<CartFact[]>();

  const carts = new Map<string, OpenCart>();
  const purchasesByBrowser = new Map<string, number[]>();
  for (const fact of facts) {
    const at = fact.occurredAt.getTime();
    if (fact.kind === 'page_viewed') {
      const times = purchasesByBrowser.get(fact.anonymousId) ?? [];
      times.push(at);
      purchasesByBrowser.set(fact.anonymousId, times);
      carts.delete(fact.sessionId);
      continue;
    }
    if (at >= end || !fact.productId) continue;
    const cart = carts.get(fact.sessionId) ?? {
      anonymousId: fact.anonymousId,
      lastChange: at,
      lines: new Map(),
    };
    cart.lastChange = at;
    const line = cart.lines.get(fact.productId);
    const quantity = positive(fact.properties?.quantity, 1);
    if (fact.kind === 'cart_item_added') {
      cart.lines.set(fact.productId, {
        quantity: (line?.quantity ?? 0) + quantity,
        unitPriceMinor: positive(fact.properties?.unitPriceMinor, line?.unitPriceMinor ?? 0),
        currency:
          typeof fact.properties?.currency === 'string'
            ? fact.properties.currency
            : (line?.currency ?? 'XXX'),
      });
    } else if (line) {
      line.quantity = Math.max(0, line.quantity - quantity);
    }
    carts.set(fact.sessionId, cart);
  }

  const result: AbandonedCartsData = {
    abandoned: 0,
    valueMinor: {},
    recovered: 0,
    recoveredValueMinor: {},
    days: [],
  };
  const byDay = new Map<string, { abandoned: number; recovered: number }>();
  for (const cart of carts.values()) {
    const lines = [...cart.lines.values()].filter((line) => line.quantity > 0);
    if (lines.length === 0 || now - cart.lastChange < abandonedAfterMs) continue;
    const recovered = (purchasesByBrowser.get(cart.anonymousId) ?? []).some(
      (at) => at > cart.lastChange && at <= cart.lastChange + recoveryWindowMs,
    );
    const day = localDayOf(timeZone, cart.lastChange);
    const counts = byDay.get(day) ?? { abandoned: 0, recovered: 0 };
    counts.abandoned += 1;
    result.abandoned += 1;
    if (recovered) {
      counts.recovered += 1;
      result.recovered += 1;
    }
    byDay.set(day, counts);
    for (const line of lines) {
      const value = line.quantity * line.unitPriceMinor;
      result.valueMinor[line.currency] = (result.valueMinor[line.currency] ?? 0) + value;
      if (recovered) {
        result.recoveredValueMinor[line.currency] =
          (result.recoveredValueMinor[line.currency] ?? 0) + value;
      }
    }
  }
  result.days = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, counts]) => ({ day, ...counts }));
  return result;
}
