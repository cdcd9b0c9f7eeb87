import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { abandonedCartsData } from '../abandoned-carts';
import { storeAnalyticsSettings } from '../analytics-settings';
import { customersReportData } from '../customer-cohorts';
import type { AbandonedCartsReportInput, CustomersReportInput } from '../inputs';
import type { AbandonedCartsReport, CustomersReport } from '../views';

type Args<Input> = HandlerArgs<Input, SignedInContext>;

/** New versus returning customers and cohort retention by month of first order. */
export async function customersReport({
  input,
}: Args<CustomersReportInput>): Promise<CustomersReport> {
  const { timeZone } = await storeAnalyticsSettings();
  return { timeZone, ...(await customersReportData(timeZone, input.from, input.to)) };
}

/** Carts left with items in them, their value, and how many their browser later bought. */
export async function abandonedCartsReport({
  input,
}: Args<AbandonedCartsReportInput>): Promise<AbandonedCartsReport> {
  const { timeZone } = await storeAnalyticsSettings();
  return { timeZone, ...(await abandonedCartsData(timeZone, input.from, input.to)) };
}
