import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  funnelReportInput,
  ingestEventsInput,
  salesReportInput,
  searchReportInput,
  topProductsReportInput,
  zeroResultQueriesInput,
} from './inputs';
import { summary } from './procedures/dashboard';
import { funnelReport, salesReport, searchReport, topProductsReport } from './procedures/reports';
import { ingestEvents } from './procedures/tracking';
import { zeroResultQueries } from './procedures/zero-result-queries';

/** The analytics cell's procedures. */
export const analyticsRouter = router({
  status: statusProcedure('analytics'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('analytics'),
  /** Staff dashboard numbers: events recorded in the last 24 h and the most frequent searches. */
  summary: permissionProcedure('analytics:read').query(summary),
  /** Searches that found nothing, for merchandising (catalog:read: catalog managers fix them). */
  zeroResultQueries: permissionProcedure('catalog:read')
    .input(zeroResultQueriesInput)
    .query(zeroResultQueries),
  /**
   * A shopper's browser events, forwarded by the storefront's `/api/events` route (which drops
   * bots and prefetches and throttles one client); stored in bulk, deduplicated by event id.
   */
  ingestEvents: publicProcedure.input(ingestEventsInput).mutation(ingestEvents),
  /** Reports, read from the hourly/daily rollups in the store's time zone (analyst, admin). */
  salesReport: permissionProcedure('analytics:read').input(salesReportInput).query(salesReport),
  funnelReport: permissionProcedure('analytics:read').input(funnelReportInput).query(funnelReport),
  topProductsReport: permissionProcedure('analytics:read')
    .input(topProductsReportInput)
    .query(topProductsReport),
  searchReport: permissionProcedure('analytics:read').input(searchReportInput).query(searchReport),
});
