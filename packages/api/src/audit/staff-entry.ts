import type { Identity } from '../identity/identity';
import type { NewAuditEntry } from './append-entry';
import type { AuditRecord } from './audit-recorder';
import { toJsonValue } from './canonical-json';
import { redactedInput } from './redact-input';

/** Input keys that usually name the object a procedure changes, in order of preference. */
const objectIdKeys = ['id', 'productId', 'orderId', 'paymentId', 'accountId', 'categoryId'];

function idsFromInput(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const fields = input as Record<string, unknown>;
  for (const key of objectIdKeys) {
    const value = fields[key];
    if (typeof value === 'string' && value.length <= 100) return [value];
  }
  const ids = fields.ids;
  if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === 'string');
  return [];
}

/** Who made a change and from where: a procedure's context, or what an HTTP route knows. */
export interface StaffCaller {
  identity: Identity;
  requestId: string;
  clientAddress: string | null;
}

/**
 * The entry of one staff change: who, roles, `procedure` (`cell.action`), the object, and the
 * before/after the change recorded, or its redacted input when it recorded none.
 */
export function staffAuditEntry(
  caller: StaffCaller,
  procedure: string,
  recorded: AuditRecord | undefined,
  rawInput: unknown,
): NewAuditEntry {
  const action = procedure.slice(procedure.indexOf('.') + 1);
  const explicitIds = recorded?.object.ids ?? (recorded?.object.id ? [recorded.object.id] : null);
  return {
    at: new Date().toISOString(),
    actor: { accountId: caller.identity.accountId, email: caller.identity.email || null },
    roles: [...caller.identity.roles],
    procedure,
    objectType: recorded?.object.type ?? action,
    objectIds: explicitIds ? [...explicitIds] : idsFromInput(rawInput),
    before: toJsonValue(recorded?.before),
    after: toJsonValue(recorded?.after),
    // With before/after the input adds nothing a reviewer needs, and may hold personal data.
    input: recorded ? null : redactedInput(rawInput),
    requestId: caller.requestId || null,
    clientAddress: caller.clientAddress,
  };
}
