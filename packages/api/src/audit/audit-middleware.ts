import { TRPCError } from '@trpc/server';
import { isDomain } from '../domains';
import type { SignedInContext } from '../trpc/context';
import { appendStaffEntry, AuditWriteFailed } from './append-staff-entry';
import { collectingAuditRecorder, ignoringAuditRecorder } from './audit-recorder';
import { staffAuditEntry } from './staff-entry';

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
  const recorded = recorder.recorded();
  // A failed mutation, or one that says it changed nothing, has nothing to record.
  if (!result.ok || recorded === 'unchanged') return result;
  const entry = staffAuditEntry(ctx, path, recorded, await inputOrNothing(args.getRawInput));
  try {
    await appendStaffEntry(cell, entry, ctx.logger);
    return result;
  } catch (error) {
    if (!(error instanceof AuditWriteFailed)) throw error;
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
  }
}
