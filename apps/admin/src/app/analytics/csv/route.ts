import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { reportRangeOf, reportRangeProblem } from '@/components/analytics/report-range';
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
import { callCell } from '@/server/cell-call';

/**
 * `GET /analytics/csv?report=sales|funnel|products|categories|search|customers|carts&from=&to=&interval=`:
 * the same numbers as the page, as a CSV download (analytics:read; the cell checks it again).
 * A range longer than the reports cover is a 400 saying so; a cell that does not answer, a 503
 * (502 for another failure), never a 500.
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
  const problem = reportRangeProblem(range);
  if (problem) return Response.json({ error: { message: problem } }, { status: 400 });
  const analytics = cellsAs(session).analytics;
  const days = { from: range.from, to: range.to };
  // A download is waited for: as long as the first report of a day may take to roll up.
  const answer = await callCell(({ signal }) => csvOf(report, analytics, range, days, signal), {
    timeoutMs: 60_000,
  });
  if (!answer.ok) {
    // The page's own words for it, with a status a download manager shows as failed (not a 500).
    return Response.json(
      { error: { message: 'This report is unavailable right now. Try again in a moment.' } },
      { status: answer.failure === 'unavailable' ? 503 : 502, headers: { 'retry-after': '30' } },
    );
  }
  return new Response(answer.data, {
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
  signal: AbortSignal,
): Promise<string> {
  const options = { signal };
  switch (report) {
    case 'sales':
      return salesCsv(await analytics.salesReport.query(range, options), days);
    case 'funnel':
      return funnelCsv(await analytics.funnelReport.query(days, options), days);
    case 'products':
      return topProductsCsv(await analytics.topProductsReport.query(days, options), days);
    case 'categories':
      return topCategoriesCsv(await analytics.topCategoriesReport.query(days, options), days);
    case 'search':
      return searchCsv(await analytics.searchReport.query(days, options), days);
    case 'customers':
      return customersCsv(await analytics.customersReport.query(days, options), days);
    case 'carts':
      return abandonedCartsCsv(await analytics.abandonedCartsReport.query(days, options), days);
  }
}
