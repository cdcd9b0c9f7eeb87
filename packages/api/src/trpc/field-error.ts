import { TRPCError } from '@trpc/server';

/** Issues shaped like a schema check's, so the error formatter names the field in `data.issues`. */
class FieldIssues extends Error {
  constructor(readonly issues: { path: string[]; message: string }[]) {
    super(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    this.name = 'FieldIssues';
  }
}

/** A 400 about one input field that only the cell's data can judge (e.g. an unknown method id). */
export function fieldError(path: string[], message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message,
    cause: new FieldIssues([{ path, message }]),
  });
}
