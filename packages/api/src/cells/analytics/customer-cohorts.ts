import { analyticsDatabase } from './database';
import { dayRollups } from './read-rollups';
import { refreshTodaysCustomers } from './customer-histories';
import { localDayBounds, localDayOf } from './zoned-time';

export interface CustomersReportData {
  /** Signed-in customers ordering in the range whose first order ever is in the range. */
  newCustomers: number;
  newCustomerOrders: number;
  /** Signed-in customers ordering in the range who had ordered before it. */
  returningCustomers: number;
  returningCustomerOrders: number;
  /** Orders without an account (or whose account was deleted): neither new nor returning. */
  guestOrders: number;
  /**
   * One row per month of first order within the range: how many customers it holds and, for
   * each month from then to the range's last month, how many of them ordered in that month.
   */
  cohorts: { cohort: string; customers: number; activeByMonth: number[] }[];
}

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return year * 12 + number - 1;
};

/**
 * New versus returning customers and monthly cohort retention, from the stored customer
 * histories (one per account: the local day of each order, rebuilt by the rollup job from the
 * recorded conversions, `customer-histories.ts`) and guest orders from the day rollups. Only
 * customers who ordered in the range are read; "first order" is stored with each.
 */
export async function customersReportData(
  timeZone: string,
  from: string,
  to: string,
  now = Date.now(),
): Promise<CustomersReportData> {
  const today = localDayOf(timeZone, now);
  if (from <= today && today <= to) {
    await refreshTodaysCustomers(timeZone, localDayBounds(timeZone, today).start);
  }
  const { CustomerHistory } = await analyticsDatabase.models();
  const [histories, rollups] = await Promise.all([
    CustomerHistory.find({ timeZone, orderDays: { $elemMatch: { $gte: from, $lte: to } } })
      .select({ _id: 0, firstOrderDay: 1, orderDays: 1 })
      .lean<{ firstOrderDay: string; orderDays: string[] }[]>(),
    dayRollups(timeZone, from, to),
  ]);

  const result: CustomersReportData = {
    newCustomers: 0,
    newCustomerOrders: 0,
    returningCustomers: 0,
    returningCustomerOrders: 0,
    guestOrders: rollups.reduce((sum, rollup) => sum + (rollup.totals?.guestOrders ?? 0), 0),
    cohorts: [],
  };
  const firstMonth = monthIndex(from.slice(0, 7));
  const lastMonth = monthIndex(to.slice(0, 7));
  const cohorts = new Map<number, { customers: number; active: number[] }>();
  for (const { firstOrderDay: first, orderDays: days } of histories) {
    const inRange = days.filter((day) => day >= from && day <= to).length;
    if (first >= from) {
      result.newCustomers += 1;
      result.newCustomerOrders += inRange;
    } else {
      result.returningCustomers += 1;
      result.returningCustomerOrders += inRange;
    }
    if (first < from) continue;
    const cohortMonth = monthIndex(first.slice(0, 7));
    const cohort = cohorts.get(cohortMonth) ?? {
      customers: 0,
      active: new Array<number>(lastMonth - cohortMonth + 1).fill(0),
    };
    cohort.customers += 1;
    const activeMonths = new Set(days.map((day) => monthIndex(day.slice(0, 7))));
    for (const month of activeMonths) {
      if (month <= lastMonth) cohort.active[month - cohortMonth]! += 1;
    }
    cohorts.set(cohortMonth, cohort);
  }
  result.cohorts = [...cohorts.entries()]
    .filter(([month]) => month >= firstMonth)
    .sort(([a], [b]) => a - b)
    .map(([month, cohort]) => ({
      cohort: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
      customers: cohort.customers,
      activeByMonth: cohort.active,
    }));
  return result;
}
