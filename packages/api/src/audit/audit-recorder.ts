/** What a change was made to: `id` for one object, `ids` for a bulk action. */
export interface AuditObject {
  type: string;
  id?: string;
  ids?: readonly string[];
}

/** What a procedure says about its change (see README.md). */
export interface AuditRecord {
  object: AuditObject;
  /** The fields the change could touch, before it; null for a create. */
  before?: unknown;
  /** The same fields after it; null for a delete. */
  after?: unknown;
}

/** `ctx.audit` of every `permissionProcedure`. */
export interface AuditRecorder {
  /** Describes this call's change; a second call replaces the first. */
  record(entry: AuditRecord): void;
}

export interface CollectingAuditRecorder extends AuditRecorder {
  recorded(): AuditRecord | undefined;
}

export function collectingAuditRecorder(): CollectingAuditRecorder {
  let last: AuditRecord | undefined;
  return {
    record(entry) {
      last = entry;
    },
    recorded: () => last,
  };
}

/** For queries and service tokens: nothing of theirs is recorded. */
export const ignoringAuditRecorder: AuditRecorder = { record: () => undefined };
