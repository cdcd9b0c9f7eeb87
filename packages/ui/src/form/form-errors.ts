import type { FormState } from './form-state';

interface InputIssue {
  path: string;
  message: string;
}

export interface ErrorMapping {
  /** The form's field names: an input issue on one of them is shown next to that field. */
  fields: readonly string[];
  /** Where a CONFLICT belongs (e.g. the email of a sign-up) and what to say. */
  conflict?: { field: string; message?: string };
  /** What to say for a refusal code, when the cell's own message is not the right words. */
  messages?: Partial<Record<string, string>>;
}

/**
 * A tRPC client's error (what a cell call throws), recognised by the name tRPC gives it, so this
 * kit needs no tRPC dependency. `data` is what the cell answered (absent when none answered).
 */
interface CellCallError extends Error {
  name: 'TRPCClientError';
  data?: unknown;
}

function isCellCallError(error: unknown): error is CellCallError {
  return error instanceof Error && error.name === 'TRPCClientError';
}

const unavailable = 'The service is not answering right now. Try again in a moment.';
const unexpected = 'Something went wrong on our side. Try again in a moment.';

/**
 * Turns a cell's refusal into what the form shows: zod issues next to the fields they name,
 * a CONFLICT next to its field, throttling and other refusals as one message. Never a stack or
 * an internal message.
 */
export function formStateFromError(error: unknown, mapping: ErrorMapping): FormState {
  if (!isCellCallError(error)) return { status: 'error', message: unexpected };
  const data = error.data as { code?: string; issues?: InputIssue[] } | undefined;
  const code = data?.code;
  if (!code) return { status: 'error', message: unavailable };

  const custom = mapping.messages?.[code];
  if (code === 'BAD_REQUEST' && data.issues?.length) {
    const fieldErrors: Record<string, string> = {};
    const other: string[] = [];
    for (const issue of data.issues) {
      const field = issue.path.split('.')[0] ?? '';
      if (mapping.fields.includes(field)) fieldErrors[field] ??= sentence(issue.message);
      else other.push(sentence(issue.message));
    }
    return {
      status: 'error',
      message: other[0] ?? custom ?? 'Check the highlighted fields.',
      fieldErrors,
    };
  }
  if (code === 'CONFLICT' && mapping.conflict) {
    return {
      status: 'error',
      fieldErrors: {
        [mapping.conflict.field]: mapping.conflict.message ?? sentence(error.message),
      },
    };
  }
  if (code === 'TOO_MANY_REQUESTS') {
    return {
      status: 'error',
      message: custom ?? 'Too many attempts. Wait a minute, then try again.',
    };
  }
  if (code === 'INTERNAL_SERVER_ERROR') return { status: 'error', message: unexpected };
  return { status: 'error', message: custom ?? sentence(error.message) };
}

/** Cell messages such as "required" read better as "Required." next to a field. */
function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return 'Invalid value.';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
