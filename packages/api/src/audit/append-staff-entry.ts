import type { Logger } from 'pino';
import type { Domain } from '../domains';
import { appendAuditEntry, type NewAuditEntry } from './append-entry';
import { auditHeadSeq, auditWriteFailures } from './audit-metrics';

/** The change was saved, but its entry could not be appended (the caller answers 500). */
export class AuditWriteFailed extends Error {
  constructor(cause: unknown) {
    super('The change was saved but could not be recorded in the audit log', { cause });
    this.name = 'AuditWriteFailed';
  }
}

/**
 * Appends a staff change's entry to its cell's chain, logging the new head (shipped elsewhere,
 * it anchors the chain: docs/audit-log.md). Used by the procedures' middleware and by the cells'
 * own HTTP routes that change something (product image uploads).
 */
export async function appendStaffEntry(
  cell: Domain,
  entry: NewAuditEntry,
  logger: Logger,
): Promise<void> {
  try {
    const appended = await appendAuditEntry(cell, entry);
    auditHeadSeq.labels(cell).set(appended.seq);
    logger.info({ audit: appended, procedure: entry.procedure }, 'audit entry appended');
  } catch (error) {
    auditWriteFailures.labels(cell).inc();
    // The change is saved and is not undone; the entry goes to the log so it can be re-appended.
    logger.error(
      { err: error, procedure: entry.procedure, auditEntry: entry },
      'staff change saved but its audit entry could not be written',
    );
    throw new AuditWriteFailed(error);
  }
}
