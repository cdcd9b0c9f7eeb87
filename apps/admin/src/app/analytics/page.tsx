import { Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import {
  FunnelTable,
  funnelSteps,
  SearchTables,
  TopProductsTables,
} from '@/components/analytics/behaviour-tables';
import { AbandonedCartTables, CustomerTables } from '@/components/analytics/customer-tables';
import { RangeForm } from '@/components/analytics/range-form';
import {
  reportRangeOf,
  reportRangeProblem,
  type ReportRange,
} from '@/components/analytics/report-range';
import { TopCategoriesTable } from '@/components/analytics/category-table';
import {
  FunnelChart,
  TopCategoriesChart,
  TopProductsChart,
} from '@/components/analytics/report-charts';
import { ReportSection } from '@/components/analytics/report-section';
import { SalesChartSection } from '@/components/analytics/sales-chart-section';
import { SalesTables } from '@/components/analytics/sales-tables';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Analytics' };

/** The page's heading, the range form and the link to the settings. */
function AnalyticsTop({
  range,
  problem,
  description,
}: {
  range: ReportRange;
  problem?: string;
  description: string;
}) {
  return (
    <>
      <PageHeader eyebrow="Back office" title="Analytics" description={description} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangeForm range={range} problem={problem} />
        <Link href={'/settings/analytics' as Route} className="text-sm text-accent-700 underline">
          Analytics settings
        </Link>
      </div>
    </>
  );
}

/**
 * The merchant's reports (analytics:read: analysts and admins), read from the analytics cell's
 * hourly/daily rollups in the store's time zone; each has a CSV download of the same numbers.
 */
export default async function AnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('analytics:read', '/analytics');
  const range = reportRangeOf(await searchParams);
  const problem = reportRangeProblem(range);
  if (problem) {
    // No report is asked for: the cells would refuse each one, and each would say "unavailable".
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-8">
        <AnalyticsTop
          range={range}
          problem={problem}
          description="Sales, conversion, products, categories, search, customers and carts for the range you choose."
        />
      </div>
    );
  }
  const analytics = cellsAs(session).analytics;
  const days = { from: range.from, to: range.to };
  // A report covering today rolls today up first: seconds on a busy cell (the first visit of a
  // fresh shop took longer than 5 s for all seven). The merchant asked for the reports and sees
  // the loading state meanwhile, so waiting beats calling every report unavailable.
  const wait = { timeoutMs: 30_000 };
  const [sales, funnel, products, categories, search, customers, carts] = await Promise.all([
    callCell(({ signal }) => analytics.salesReport.query(range, { signal }), wait),
    callCell(({ signal }) => analytics.funnelReport.query(days, { signal }), wait),
    callCell(({ signal }) => analytics.topProductsReport.query(days, { signal }), wait),
    callCell(({ signal }) => analytics.topCategoriesReport.query(days, { signal }), wait),
    callCell(({ signal }) => analytics.searchReport.query(days, { signal }), wait),
    callCell(({ signal }) => analytics.customersReport.query(days, { signal }), wait),
    callCell(({ signal }) => analytics.abandonedCartsReport.query(days, { signal }), wait),
  ]);
  const timeZone = sales.ok ? sales.data.timeZone : undefined;
  const unavailable = (
    <Notice tone="warning" title="This report is unavailable right now">
      Reload the page in a moment.
    </Notice>
  );

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <AnalyticsTop
        range={range}
        description={`Sales, conversion, products, categories, search, customers and carts from ${range.from} to ${range.to}${timeZone ? `, in the store's time zone (${timeZone})` : ''}. Numbers are refreshed every 10 minutes.`}
      />
      <ReportSection id="sales-heading" title="Sales over time" report="sales" range={range}>
        {sales.ok ? (
          <>
            <SalesChartSection report={sales.data} />
            <SalesTables report={sales.data} />
          </>
        ) : (
          unavailable
        )}
      </ReportSection>
      <ReportSection id="funnel-heading" title="Conversion funnel" report="funnel" range={range}>
        {funnel.ok ? (
          <>
            <FunnelChart steps={funnelSteps(funnel.data)} />
            <FunnelTable report={funnel.data} />
          </>
        ) : (
          unavailable
        )}
      </ReportSection>
      <ReportSection id="products-heading" title="Top products" report="products" range={range}>
        {products.ok ? (
          <>
            <TopProductsChart
              products={products.data.bestSelling
                .slice(0, 10)
                .map((row) => ({ name: row.name, units: row.units }))}
            />
            <TopProductsTables report={products.data} />
          </>
        ) : (
          unavailable
        )}
      </ReportSection>
      <ReportSection
        id="categories-heading"
        title="Top categories"
        report="categories"
        range={range}
      >
        {categories.ok ? (
          <>
            <TopCategoriesChart
              categories={categories.data.rows
                .slice(0, 10)
                .map((row) => ({ name: row.name, units: row.units }))}
            />
            <TopCategoriesTable report={categories.data} />
          </>
        ) : (
          unavailable
        )}
      </ReportSection>
      <ReportSection id="search-heading" title="Search" report="search" range={range}>
        {search.ok ? <SearchTables report={search.data} /> : unavailable}
      </ReportSection>
      <ReportSection id="customers-heading" title="Customers" report="customers" range={range}>
        {customers.ok ? <CustomerTables report={customers.data} /> : unavailable}
      </ReportSection>
      <ReportSection id="carts-heading" title="Abandoned carts" report="carts" range={range}>
        {carts.ok ? <AbandonedCartTables report={carts.data} /> : unavailable}
      </ReportSection>
    </div>
  );
}
