import type { AbandonedCartDay } from '@shop/db/analytics';
import { analyticsDatabase } from './database';

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

const addInto = (target: Record<string, number>, source: Record<string, number> | undefined) => {
  for (const [key, value] of Object.entries(source ?? {})) target[key] = (target[key] ?? 0) + value;
};

/**
 * Abandoned carts of a range of local days, summed from the daily cart rollups the job keeps
 * (`abandoned-cart-days.ts`): up to 10 minutes behind, kept after the raw events are deleted.
 */
export async function abandonedCartsData(
  timeZone: string,
  from: string,
  to: string,
): Promise<AbandonedCartsData> {
  const { AbandonedCartDay } = await analyticsDatabase.models();
  const cartDays = await AbandonedCartDay.find({ timeZone, day: { $gte: from, $lte: to } })
    .sort({ day: 1 })
    .lean<AbandonedCartDay[]>();
  const result: AbandonedCartsData = {
    abandoned: 0,
    valueMinor: {},
    recovered: 0,
    recoveredValueMinor: {},
    days: [],
  };
  for (const cartDay of cartDays) {
    result.abandoned += cartDay.abandoned;
    result.recovered += cartDay.recovered;
    addInto(result.valueMinor, cartDay.valueMinor);
    addInto(result.recoveredValueMinor, cartDay.recoveredValueMinor);
    if (cartDay.abandoned > 0) {
      result.days.push({
        day: cartDay.day,
        abandoned: cartDay.abandoned,
        recovered: cartDay.recovered,
      });
    }
  }
  return result;
}
