import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  abandonedCartsReportInput,
  customersReportInput,
  funnelReportInput,
  ingestEventsInput,
  salesReportInput,
  searchReportInput,
  topCategoriesReportInput,
  topProductsReportInput,
  updateSettingsInput,
  zeroResultQueriesInput,
} from './inputs';
import { abandonedCartsReport, customersReport } from './procedures/customers';
import { summary } from './procedures/dashboard';
import { consentPolicy, settings, updateSettings } from './procedures/settings';
import { funnelReport, salesReport, searchReport, topProductsReport } from './procedures/reports';
import { topCategoriesReport } from './procedures/top-categories';
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
  /** Per product's primary category (as when each fact was counted): sales, views, conversion. */
  topCategoriesReport: permissionProcedure('analytics:read')
    .input(topCategoriesReportInput)
    .query(topCategoriesReport),
  searchReport: permissionProcedure('analytics:read').input(searchReportInput).query(searchReport),
  /** New vs returning customers and cohorts, from the stored customer histories and rollups. */
  customersReport: permissionProcedure('analytics:read')
    .input(customersReportInput)
    .query(customersReport),
  /** The store's consent mode, retention and time zone (staff read; admins change, audited). */
  settings: permissionProcedure('analytics:read').query(settings),
  updateSettings: permissionProcedure('analytics:configure')
    .input(updateSettingsInput)
    .mutation(updateSettings),
  /** The consent mode alone, for the storefront's banner (public: it is the shop's policy). */
  consentPolicy: publicProcedure.query(consentPolicy),
  /** Abandoned and recovered carts, from the daily cart rollups. */
  abandonedCartsReport: permissionProcedure('analytics:read')
    .input(abandonedCartsReportInput)
    .query(abandonedCartsReport),
});
