import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { reportRangeOf } from '@/components/analytics/report-range';
import {
  abandonedCartsCsv,
  customersCsv,
  funnelCsv,
  salesCsv,
  searchCsv,
  topCategoriesCsv,
  topProductsCsv,
} from '@/components/analytics/report-csv';
import { reportNames, type ReportName } from '@/components/analytics/report-types';

/**
 * `GET /analytics/csv?report=sales|funnel|products|categories|search|customers|carts&from=&to=&interval=`:
 * the same numbers as the page, as a CSV download (analytics:read; the cell checks it again).
 */
export async function GET(request: Request): Promise<Response> {
  // Answers with a status, not the sign-in redirect or 403 page: this is a download.
  const session = await currentSession();
  if (!session) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  if (!session.permissions.has('analytics:read')) {
    return Response.json({ error: { message: 'Requires analytics:read' } }, { status: 403 });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const report = params.report as ReportName;
  if (!reportNames.includes(report)) {
    return Response.json(
      { error: { message: `report must be one of ${reportNames.join(', ')}` } },
      { status: 400 },
    );
  }
  const range = reportRangeOf(params);
  const analytics = cellsAs(session).analytics;
  const days = { from: range.from, to: range.to };
  const text = await csvOf(report, analytics, range, days);
  return new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${report}-${range.from}-${range.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

type Analytics = ReturnType<typeof cellsAs>['analytics'];

async function csvOf(
  report: ReportName,
  analytics: Analytics,
  range: ReturnType<typeof reportRangeOf>,
  days: { from: string; to: string },
): Promise<string> {
  switch (report) {
    case 'sales':
      return salesCsv(await analytics.salesReport.query(range), days);
    case 'funnel':
      return funnelCsv(await analytics.funnelReport.query(days), days);
    case 'products':
      return topProductsCsv(await analytics.topProductsReport.query(days), days);
    case 'categories':
      return topCategoriesCsv(await analytics.topCategoriesReport.query(days), days);
    case 'search':
      return searchCsv(await analytics.searchReport.query(days), days);
    case 'customers':
      return customersCsv(await analytics.customersReport.query(days), days);
    case 'carts':
      return abandonedCartsCsv(await analytics.abandonedCartsReport.query(days), days);
  }
}
