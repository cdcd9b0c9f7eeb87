import type { Domain } from '../domains';
import { toJsonValue, type JsonValue } from './canonical-json';
import type { StoredAuditEntry } from './stored-entry';

/** One audit entry as staff read it. */
export interface AuditEntryView {
  cell: Domain;
  seq: number;
  at: string;
  actor: { accountId: string; email: string | null };
  roles: string[];
  procedure: string;
  object: { type: string; ids: string[] };
  before: JsonValue;
  after: JsonValue;
  input: JsonValue;
  requestId: string | null;
  clientAddress: string | null;
  hash: string;
}

export function toAuditEntryView(cell: Domain, entry: StoredAuditEntry): AuditEntryView {
  return {
    cell,
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: { accountId: entry.actor?.accountId ?? '', email: entry.actor?.email ?? null },
    roles: [...entry.roles],
    procedure: entry.procedure,
    object: { type: entry.objectType, ids: [...entry.objectIds] },
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    input: toJsonValue(entry.input),
    requestId: entry.requestId ?? null,
    clientAddress: entry.clientAddress ?? null,
    hash: entry.hash,
  };
}
