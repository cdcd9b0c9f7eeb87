import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import { retryAfterSecondsOf } from './retry-after';

export interface InputIssue {
  path: string;
  message: string;
}

export interface CellErrorShape extends TRPCDefaultErrorShape {
  data: Omit<TRPCDefaultErrorShape['data'], 'stack'> & {
    issues?: InputIssue[];
    /** On 429s and 503s, the `Retry-After` header's wait (for callers that see no headers). */
    retryAfterSeconds?: number;
  };
}

const genericInternalMessage = 'Internal server error';

/** Issues of a failed schema check (zod or any Standard Schema), if that is what the cause is. */
function inputIssuesOf(error: TRPCError): InputIssue[] | undefined {
  const cause: unknown = error.cause;
  if (error.code !== 'BAD_REQUEST' || typeof cause !== 'object' || cause === null) return undefined;
  const issues: unknown = (cause as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((issue: { path?: readonly unknown[]; message?: unknown }) => ({
    path: (issue.path ?? [])
      .map((key) =>
        typeof key === 'object' && key !== null
          ? String((key as { key: unknown }).key)
          : String(key),
      )
      .join('.'),
    message: String(issue.message ?? 'Invalid value'),
  }));
}

/**
 * Shapes every error a cell sends: input errors carry their issues (path + message), unexpected
 * errors say only "Internal server error", and no response ever carries a stack trace.
 */
export function formatCellError({
  shape,
  error,
}: {
  shape: TRPCDefaultErrorShape;
  error: TRPCError;
}): CellErrorShape {
  const { stack: _stack, ...data } = shape.data;
  const issues = inputIssuesOf(error);
  if (issues) {
    return { ...shape, message: 'Invalid input', data: { ...data, issues } };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { ...shape, message: genericInternalMessage, data };
  }
  const retryAfterSeconds = retryAfterSecondsOf(error);
  if (retryAfterSeconds !== undefined) return { ...shape, data: { ...data, retryAfterSeconds } };
  return { ...shape, data };
}
