import { orderConfirmed } from '../../events/schemas';
import { analyticsDatabase } from './database';
import { localDayOf } from './zoned-time';

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
 * New versus returning customers and monthly cohort retention, from the conversions the cell
 * recorded (one per order, kept for good, no person's name or email: only the account id).
 * Every conversion is read, because "first order" looks before the range; at 50,000 orders that
 * is one indexed scan of a small projection (docs/benchmarks.md).
 */
export async function customersReportData(
  timeZone: string,
  from: string,
  to: string,
): Promise<CustomersReportData> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  const conversions = await AnalyticsEvent.find({ name: orderConfirmed.name })
    .select({ occurredAt: 1, 'properties.accountId': 1 })
    .lean<{ occurredAt: Date; properties?: { accountId?: unknown } }[]>();

  const daysByAccount = new Map<string, string[]>();
  let guestOrders = 0;
  for (const conversion of conversions) {
    const day = localDayOf(timeZone, conversion.occurredAt.getTime());
    const accountId = conversion.properties?.accountId;
    if (typeof accountId !== 'string') {
      if (day >= from && day <= to) guestOrders += 1;
      continue;
    }
    const days = daysByAccount.get(accountId) ?? [];
    days.push(day);
    daysByAccount.set(accountId, days);
  }

  const result: CustomersReportData = {
    newCustomers: 0,
    newCustomerOrders: 0,
    returningCustomers: 0,
    returningCustomerOrders: 0,
    guestOrders,
    cohorts: [],
  };
  const firstMonth = monthIndex(from.slice(0, 7));
  const lastMonth = monthIndex(to.slice(0, 7));
  const cohorts = new Map<number, { customers: number; active: number[] }>();
  for (const days of daysByAccount.values()) {
    days.sort();
    const first = days[0]!;
    const inRange = days.filter((day) => day >= from && day <= to).length;
    if (inRange > 0 && first >= from) {
      result.newCustomers += 1;
      result.newCustomerOrders += inRange;
    } else if (inRange > 0) {
      result.returningCustomers += 1;
      result.returningCustomerOrders += inRange;
    }
    const cohortMonth = monthIndex(first.slice(0, 7));
    if (first < from || first > to) continue;
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
