import { databaseOutageAnswer } from './database-outage-answer';
import { dependencyOutageAnswer } from './dependency-outage';
import { middleware } from './init';
import { recordProcedureCall } from './procedure-metrics';

/**
 * Every procedure's outermost middleware: turns a database outage, or another part the call
 * needs being unreachable (a cell, the event API: dependency-outage.ts), into the 503 the caller
 * gets, then records the call's duration and error code as the caller sees them. One middleware for
 * both, not two: each tRPC middleware level copies the call's options twice, a measurable share of
 * a small procedure's cost.
 */
export const procedureOutcomeMiddleware = middleware(async ({ ctx, path, next }) => {
  const startedAt = performance.now();
  const result = await next();
  if (result.ok) {
    recordProcedureCall(path, startedAt);
    return result;
  }
  const outage =
    databaseOutageAnswer(result.error, ctx.logger, path) ??
    dependencyOutageAnswer(result.error, ctx.logger, path);
  recordProcedureCall(path, startedAt, (outage ?? result.error).code);
  if (outage) throw outage;
  return result;
});
