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
  /** Describes this call's change; a second call (or `unchanged`) replaces the first. */
  record(entry: AuditRecord): void;
  /**
   * Says this call changed nothing in the shop (a CSV dry run, staging a file, a repeat that
   * found the work done): no entry is written. Replaces an earlier `record`, and vice versa.
   */
  unchanged(): void;
}

export interface CollectingAuditRecorder extends AuditRecorder {
  recorded(): AuditRecord | 'unchanged' | undefined;
}

export function collectingAuditRecorder(): CollectingAuditRecorder {
  let last: AuditRecord | 'unchanged' | undefined;
  return {
    record(entry) {
      last = entry;
    },
    unchanged() {
      last = 'unchanged';
    },
    recorded: () => last,
  };
}

/** For queries and service tokens: nothing of theirs is recorded. */
export const ignoringAuditRecorder: AuditRecorder = {
  record: () => undefined,
  unchanged: () => undefined,
};
