import { connectDomainDatabase, type DatabaseDomain } from '@shop/db';
import type { Domain } from '../domains';
import { auditEntryModel, type AuditEntryModel } from './audit-entry-model';

/**
 * Where each cell's chain lives: the cell's own database (search's is search_db, which holds its
 * merchandising rules; its database user may not write products_db).
 */
export const auditDatabaseOf: Readonly<Record<Domain, DatabaseDomain>> = {
  auth: 'auth',
  user: 'user',
  product: 'product',
  order: 'order',
  payment: 'payment',
  notification: 'notification',
  search: 'search',
  review: 'review',
  analytics: 'analytics',
};

/** The audit entries model on the database holding `cell`'s chain. */
export async function auditEntriesOf(cell: Domain): Promise<AuditEntryModel> {
  return auditEntryModel(await connectDomainDatabase(auditDatabaseOf[cell]));
}
