import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { summary } from './procedures/dashboard';

/** The analytics cell's procedures. */
export const analyticsRouter = router({
  status: statusProcedure('analytics'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('analytics'),
  /** Staff dashboard numbers: events recorded in the last 24 h and the most frequent searches. */
  summary: permissionProcedure('analytics:read').query(summary),
});
