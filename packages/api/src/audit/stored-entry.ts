import type { AuditEntry } from './audit-entry-model';
import { toJsonValue } from './canonical-json';
import type { HashedEntry } from './entry-hash';

/** An entry as read back (lean), with its database id and own hash. */
export type StoredAuditEntry = AuditEntry & { hash: string };

/** The fields of a stored entry its hash covers, as they were when it was hashed. */
export function hashedFieldsOf(entry: StoredAuditEntry): HashedEntry {
  return {
    chain: entry.chain,
    seq: entry.seq,
    at: entry.at instanceof Date ? entry.at.toISOString() : String(entry.at),
    actor: { accountId: entry.actor?.accountId ?? '', email: entry.actor?.email ?? null },
    roles: [...entry.roles],
    procedure: entry.procedure,
    objectType: entry.objectType,
    objectIds: [...entry.objectIds],
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    input: toJsonValue(entry.input),
    requestId: entry.requestId ?? null,
    clientAddress: entry.clientAddress ?? null,
    prevHash: entry.prevHash,
  };
}
