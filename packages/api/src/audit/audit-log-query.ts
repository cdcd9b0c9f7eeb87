import type { Domain } from '../domains';
import { isObjectIdText } from '../ids/object-id-text';
import { auditEntriesOf } from './audit-databases';
import { toAuditEntryView, type AuditEntryView } from './audit-entry-view';
import type { AuditLogInput } from './audit-log-input';
import type { StoredAuditEntry } from './stored-entry';
import { verifyChain, type ChainVerification } from './verify-chain';

export interface AuditLogPage {
  cell: Domain;
  items: AuditEntryView[];
  hasMore: boolean;
  /** Pass as `beforeSeq` for the next (older) page. */
  nextBeforeSeq: number | null;
  verification: ChainVerification | null;
}

function filterOf(cell: Domain, input: AuditLogInput): Record<string, unknown> {
  const filter: Record<string, unknown> = { chain: cell };
  if (input.person) {
    const person = input.person;
    // Staff text compared as a value, never as a pattern.
    if (isObjectIdText(person)) filter['actor.accountId'] = person.toLowerCase();
    else filter['actor.email'] = person.toLowerCase();
  }
  if (input.objectType) filter.objectType = input.objectType;
  if (input.objectId) filter.objectIds = input.objectId;
  if (input.action) {
    filter.procedure = input.action.includes('.') ? input.action : `${cell}.${input.action}`;
  }
  if (input.from || input.to) {
    filter.at = {
      ...(input.from ? { $gte: new Date(input.from) } : {}),
      ...(input.to ? { $lte: new Date(input.to) } : {}),
    };
  }
  if (input.beforeSeq) filter.seq = { $lt: input.beforeSeq };
  return filter;
}

/** One page of `cell`'s entries, newest first, and the chain's verification when asked. */
export async function readAuditLog(cell: Domain, input: AuditLogInput): Promise<AuditLogPage> {
  const AuditEntry = await auditEntriesOf(cell);
  const found = (await AuditEntry.find(filterOf(cell, input))
    .sort({ seq: -1 })
    .limit(input.limit + 1)
    .lean()) as StoredAuditEntry[];
  const items = found.slice(0, input.limit).map((entry) => toAuditEntryView(cell, entry));
  const hasMore = found.length > input.limit;
  return {
    cell,
    items,
    hasMore,
    nextBeforeSeq: hasMore ? (items.at(-1)?.seq ?? null) : null,
    verification: input.verify ? await verifyChain(cell) : null,
  };
}
