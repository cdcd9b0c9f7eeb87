import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { storeAnalyticsSettings } from '../analytics-settings';
import { uncategorised } from '../category-key';
import type { TopCategoriesReportInput } from '../inputs';
import { dayRollups } from '../read-rollups';
import type { TopCategoriesReport } from '../views';
import { mergeMaps, rateOf, revenueByCurrency } from './reports';

/** Categories listed at most (a shop has tens; the rest are in no one's top list). */
const maxCategories = 50;

/**
 * Top categories: per product's primary category as stamped on each fact when it was first
 * rolled up (a product that moved since counts where it was then), views, add-to-carts, units
 * and revenue per currency, and the share of the sessions that viewed a product in the category
 * that bought one of it. Most units first. Uncategorised facts are one row (`category: null`).
 */
export async function topCategoriesReport({
  input,
}: HandlerArgs<TopCategoriesReportInput, SignedInContext>): Promise<TopCategoriesReport> {
  const { timeZone } = await storeAnalyticsSettings();
  const rollups = await dayRollups(timeZone, input.from, input.to);
  // Oldest first, so the latest name of a renamed category wins.
  const names = Object.assign({}, ...rollups.map((rollup) => rollup.categoryNames ?? {})) as Record<
    string,
    string
  >;
  const rows = Object.entries(mergeMaps(rollups, 'categories')).map(([key, counts]) => ({
    category: key === uncategorised.slug ? null : key,
    name: key === uncategorised.slug ? uncategorised.name : (names[key] ?? key),
    views: counts.views ?? 0,
    addToCart: counts.addToCart ?? 0,
    units: counts.units ?? 0,
    revenueMinor: revenueByCurrency(counts),
    viewSessions: counts.viewSessions ?? 0,
    viewPurchases: counts.viewPurchases ?? 0,
    viewToPurchaseRate: rateOf(counts.viewPurchases, counts.viewSessions),
  }));
  rows.sort((a, b) => b.units - a.units || b.views - a.views || a.name.localeCompare(b.name));
  return { timeZone, rows: rows.slice(0, maxCategories) };
}
