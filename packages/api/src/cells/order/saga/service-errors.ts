import { TRPCClientError } from '@trpc/client';

/** The tRPC code another cell answered with (`CONFLICT`, `NOT_FOUND`...), if it answered one. */
export function serviceErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string') {
    return data.code;
  }
  return undefined;
}

export function serviceErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
