import type { FieldErrors } from './campaign-input';

/**
 * What a campaign action tells the composer: a message for the whole form and errors keyed like
 * the composer's fields (`name`, `blocks.2.href`, `audience.amount`).
 */
export interface CampaignActionState {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: FieldErrors;
}

const unavailable = 'The notification service is not answering. Try again in a moment.';

/** A cell refusal (a tRPC client error, by name) as the composer shows it; never a stack. */
export function campaignStateFromError(error: unknown): CampaignActionState {
  if (!(error instanceof Error) || error.name !== 'TRPCClientError') {
    return { status: 'error', message: 'Something went wrong on our side. Try again.' };
  }
  const data = (error as Error & { data?: unknown }).data as
    { code?: string; issues?: { path: string; message: string }[] } | undefined;
  switch (data?.code) {
    case undefined:
      return { status: 'error', message: unavailable };
    case 'BAD_REQUEST': {
      if (!data.issues?.length) return { status: 'error', message: sentence(error.message) };
      const fieldErrors: FieldErrors = {};
      for (const issue of data.issues)
        fieldErrors[issue.path || 'form'] ??= sentence(issue.message);
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors };
    }
    case 'FORBIDDEN':
      return { status: 'error', message: 'Your role does not allow sending campaigns.' };
    case 'UNAUTHORIZED':
      return { status: 'error', message: 'Your session has ended. Sign in again.' };
    case 'TOO_MANY_REQUESTS':
      return { status: 'error', message: 'Too many attempts. Wait a minute, then try again.' };
    case 'INTERNAL_SERVER_ERROR':
      return { status: 'error', message: 'Something went wrong on our side. Try again.' };
    default:
      // NOT_FOUND, CONFLICT (e.g. "no longer editable"), PRECONDITION_FAILED: the cell's words.
      return { status: 'error', message: sentence(error.message) };
  }
}

function sentence(message: string): string {
  const trimmed = message.trim().slice(0, 300);
  if (!trimmed) return 'Invalid value.';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
