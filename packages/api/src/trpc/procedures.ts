import { TRPCError } from '@trpc/server';
import { auditStaffMutation } from '../audit/audit-middleware';
import type { Permission } from '../identity/permissions';
import { middleware, t } from './init';
import { procedureOutcomeMiddleware } from './procedure-outcome-middleware';

/** Metrics and the database outage's 503 (procedure-outcome-middleware.ts) on every procedure. */
export const publicProcedure = t.procedure.use(procedureOutcomeMiddleware);

const requireIdentity = middleware(({ ctx, meta, next }) => {
  if (!ctx.identity) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to do this' });
  }
  // A service token (a saga step) may use what its permissions grant, never act as a shopper.
  if (ctx.identity.service && !meta?.permission) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Services cannot act as a customer' });
  }
  return next({ ctx: { identity: ctx.identity } });
});

/** Needs a valid access token: 401 UNAUTHORIZED without one. */
export const authedProcedure = publicProcedure.meta({ authenticated: true }).use(requireIdentity);

/**
 * Needs a valid access token granting `permission`: 401 without a token, 403 without the right.
 * A staff account's successful mutation is recorded in its cell's audit log (src/audit); the
 * handler describes its change through `ctx.audit`.
 */
export function permissionProcedure(permission: Permission) {
  return authedProcedure
    .meta({ authenticated: true, permission })
    .use(({ ctx, next }) => {
      if (!ctx.identity.permissions.has(permission)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `Requires the ${permission} permission`,
        });
      }
      return next();
    })
    .use(({ ctx, type, path, getRawInput, next }) =>
      auditStaffMutation({ ctx, type, path, getRawInput, next: (audit) => next({ ctx: audit }) }),
    );
}
