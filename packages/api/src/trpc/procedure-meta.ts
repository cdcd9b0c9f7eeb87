import type { Permission } from '../identity/permissions';

/**
 * What a procedure declares about itself, readable from the router without calling it: the
 * permission it needs (set by `permissionProcedure`), so tests and tools can list every protected
 * procedure with what guards it.
 */
export interface ProcedureMeta {
  permission?: Permission;
  /** True on every procedure that needs a signed-in caller (`authedProcedure` and the above). */
  authenticated?: boolean;
}
