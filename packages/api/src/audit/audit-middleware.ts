import { TRPCError } from '@trpc/server';
import { isDomain } from '../domains';
import type { SignedInContext } from '../trpc/context';
import { appendAuditEntry, type NewAuditEntry } from './append-entry';
import { auditHeadSeq, auditWriteFailures } from './audit-metrics';
import { collectingAuditRecorder, ignoringAuditRecorder, type AuditRecord } from './audit-recorder';
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

function entryOf(
  ctx: SignedInContext,
  procedure: string,
  recorded: AuditRecord | undefined,
  rawInput: unknown,
): NewAuditEntry {
  const action = procedure.slice(procedure.indexOf('.') + 1);
  const explicitIds = recorded?.object.ids ?? (recorded?.object.id ? [recorded.object.id] : null);
  return {
    at: new Date().toISOString(),
    actor: { accountId: ctx.identity.accountId, email: ctx.identity.email || null },
    roles: [...ctx.identity.roles],
    procedure,
    objectType: recorded?.object.type ?? action,
    objectIds: explicitIds ? [...explicitIds] : idsFromInput(rawInput),
    before: toJsonValue(recorded?.before),
    after: toJsonValue(recorded?.after),
    // With before/after the input adds nothing a reviewer needs, and may hold personal data.
    input: recorded ? null : redactedInput(rawInput),
    requestId: ctx.requestId || null,
    clientAddress: ctx.clientAddress,
  };
}

/**
 * The call's raw input, or `undefined` when it has none: a mutation without an input parser may
 * be called with an empty body, which tRPC never parsed, and reading it now would throw.
 */
async function inputOrNothing(getRawInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return await getRawInput();
  } catch {
    return undefined;
  }
}

/**
 * Records every successful staff mutation in its cell's chain (README.md). Runs inside
 * `permissionProcedure`, after the permission check: refusals change nothing and are not recorded.
 */
export async function auditStaffMutation<Result extends { ok: boolean }>(args: {
  ctx: SignedInContext;
  type: string;
  path: string;
  getRawInput: () => Promise<unknown>;
  next: (ctx: { audit: typeof ignoringAuditRecorder }) => Promise<Result>;
}): Promise<Result> {
  const { ctx, type, path } = args;
  const cell = path.slice(0, path.indexOf('.'));
  if (type !== 'mutation' || ctx.identity.service || !isDomain(cell)) {
    return args.next({ audit: ignoringAuditRecorder });
  }
  const recorder = collectingAuditRecorder();
  const result = await args.next({ audit: recorder });
  // A failed mutation changed nothing to record.
  if (!result.ok) return result;
  const entry = entryOf(ctx, path, recorder.recorded(), await inputOrNothing(args.getRawInput));
  try {
    const appended = await appendAuditEntry(cell, entry);
    auditHeadSeq.labels(cell).set(appended.seq);
    // Every head hash in the logs: shipped elsewhere, they anchor the chain (docs/audit-log.md).
    ctx.logger.info({ audit: appended, procedure: path }, 'audit entry appended');
    return result;
  } catch (error) {
    auditWriteFailures.labels(cell).inc();
    // The change is saved and is not undone; the entry goes to the log so it can be re-appended.
    ctx.logger.error(
      { err: error, procedure: path, auditEntry: entry },
      'staff change saved but its audit entry could not be written',
    );
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The change was saved but could not be recorded in the audit log',
      cause: error,
    });
  }
}
