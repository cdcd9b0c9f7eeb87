import type { AbandonedCartDay } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import { analyticsDatabase } from './database';
import { purchasePathPrefix } from './purchase-attribution';
import { localDayBounds, localDayOf } from './zoned-time';

/** A cart untouched this long, with items in it and no order, counts as abandoned. */
export const abandonedAfterMs = 60 * 60 * 1000;
/** A purchase by the same browser within this long after the abandonment recovers the cart. */
export const recoveryWindowMs = 7 * 24 * 60 * 60 * 1000;
/** A cart's earlier changes are read this far before its day (a session crossing midnight). */
const lookBackMs = 24 * 60 * 60 * 1000;
/** Days further apart than this are rebuilt from separate reads (their windows do not meet). */
const clusterGapDays = 9;
/** At most this many days per read, so a full rebuild (a new time zone) holds a month at most. */
const clusterMaxDays = 31;

interface CartFact {
  kind: string;
  occurredAt: Date;
  anonymousId: string;
  sessionId: string;
  productId?: string | null;
  properties?: { quantity?: unknown; unitPriceMinor?: unknown; currency?: unknown };
}

interface OpenCart {
  anonymousId: string;
  lastChange: number;
  lines: Map<string, { quantity: number; unitPriceMinor: number; currency: string }>;
}

type CartDayCounts = Omit<AbandonedCartDay, '_id' | 'timeZone' | 'day' | 'rebuiltAt'>;

const positive = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

const emptyCounts = (): CartDayCounts => ({
  abandoned: 0,
  recovered: 0,
  valueMinor: {},
  recoveredValueMinor: {},
});

/** The carts of a window of raw events as they stood at its end, and each browser's purchases. */
function replayCarts(facts: CartFact[]) {
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
    if (!fact.productId) continue;
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
  return { carts, purchasesByBrowser };
}

/** Each given day's abandoned carts, from one read of the raw events around them. */
async function countCartDays(
  timeZone: string,
  days: string[],
  now: number,
): Promise<Map<string, CartDayCounts>> {
  const { TrackedEvent } = await analyticsDatabase.models();
  const start = localDayBounds(timeZone, days[0]!).start - lookBackMs;
  const end = localDayBounds(timeZone, days[days.length - 1]!).end;
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
      properties: 1,
    })
    .sort({ occurredAt: 1 })
    .lean<CartFact[]>();

  const { carts, purchasesByBrowser } = replayCarts(facts);
  const counts = new Map(days.map((day) => [day, emptyCounts()]));
  for (const cart of carts.values()) {
    const day = counts.get(localDayOf(timeZone, cart.lastChange));
    const lines = [...cart.lines.values()].filter((line) => line.quantity > 0);
    if (!day || lines.length === 0 || now - cart.lastChange < abandonedAfterMs) continue;
    const recovered = (purchasesByBrowser.get(cart.anonymousId) ?? []).some(
      (at) => at > cart.lastChange && at <= cart.lastChange + recoveryWindowMs,
    );
    day.abandoned += 1;
    if (recovered) day.recovered += 1;
    for (const line of lines) {
      const value = line.quantity * line.unitPriceMinor;
      day.valueMinor[line.currency] = (day.valueMinor[line.currency] ?? 0) + value;
      if (recovered) {
        day.recoveredValueMinor[line.currency] =
          (day.recoveredValueMinor[line.currency] ?? 0) + value;
      }
    }
  }
  return counts;
}

/** Sorted days split where they are more than `clusterGapDays` apart, or every 31 days. */
function clusters(timeZone: string, days: string[]): string[][] {
  const result: string[][] = [];
  for (const day of [...new Set(days)].sort()) {
    const current = result[result.length - 1];
    const previous = current?.[current.length - 1];
    const gap = previous
      ? localDayBounds(timeZone, day).start - localDayBounds(timeZone, previous).start
      : Infinity;
    if (current && current.length < clusterMaxDays && gap <= clusterGapDays * lookBackMs) {
      current.push(day);
    } else result.push([day]);
  }
  return result;
}

/**
 * Rebuilds the abandoned-cart rollup of each given local day from the raw browsing events: every
 * day's document is replaced whole (zeros included), so a replay or a second run gives the same
 * documents. A cart counts on the day of its last change, once untouched for an hour; recovered
 * when its browser reached the order confirmation page within 7 days after.
 */
export async function rebuildCartDays(
  timeZone: string,
  days: string[],
  now = new Date(),
): Promise<void> {
  const { AbandonedCartDay } = await analyticsDatabase.models();
  for (const cluster of clusters(timeZone, days)) {
    const counts = await countCartDays(timeZone, cluster, now.getTime());
    await AbandonedCartDay.bulkWrite(
      [...counts].map(([day, dayCounts]) => {
        const _id = derivedObjectId('analytics-carts', timeZone, day);
        return {
          replaceOne: {
            filter: { _id },
            replacement: { _id, timeZone, day, ...dayCounts, rebuiltAt: now },
            upsert: true,
          },
        };
      }),
      { ordered: false },
    );
  }
}

/** The days whose carts a change on `day` can alter: it and the 7 before (recovery). */
export function cartDaysAffectedBy(day: string): string[] {
  const days = [day];
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  for (let back = 1; back <= recoveryWindowMs / lookBackMs; back += 1) {
    days.push(new Date(Date.UTC(year, month - 1, date - back)).toISOString().slice(0, 10));
  }
  return days;
}
