import type { Domain } from '../domains';
import { permissionProcedure } from '../trpc/procedures';
import { auditLogInput } from './audit-log-input';
import { readAuditLog } from './audit-log-query';

/**
 * `<cell>.auditLog`: the cell's audit entries for staff with `audit:read`, one line in each
 * cell's router (`auditLog: auditLogProcedure('product')`). The admin's Audit log page asks every
 * cell and merges the pages by time.
 */
export function auditLogProcedure(cell: Domain) {
  return permissionProcedure('audit:read')
    .input(auditLogInput)
    .query(({ input }) => readAuditLog(cell, input));
}
