/** The gateway's own error body: a message a person can read, never a stack trace. */
export function jsonError(
  status: number,
  message: string,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { message } },
    {
      status,
      headers: { 'x-request-id': requestId, 'cache-control': 'no-store', ...extraHeaders },
    },
  );
}
