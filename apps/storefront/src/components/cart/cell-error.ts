import { TRPCClientError } from '@trpc/client';

const unavailable = 'The shop is not answering right now. Try again in a moment.';

/**
 * What to tell the shopper when a cart, checkout or payment call is refused: the cell's own
 * sentence for the refusals it words for shoppers ("Only 3 left of …"), a calm retry message for
 * outages and anything unexpected (never a stack or an internal message).
 */
export function shopperMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return unavailable;
  const code = (error.data as { code?: string } | undefined)?.code;
  switch (code) {
    case 'BAD_REQUEST':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
    case 'FORBIDDEN':
      return error.message;
    case 'TOO_MANY_REQUESTS':
      return 'Too many requests. Wait a moment, then try again.';
    case 'UNAUTHORIZED':
      return 'Your session has ended. Sign in again to continue.';
    default:
      return unavailable;
  }
}

/** The cell's refusal code (`CONFLICT`, `BAD_REQUEST`…), or undefined for outages. */
export function refusalCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined;
}
