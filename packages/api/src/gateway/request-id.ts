import { randomUUID } from 'node:crypto';

// A request id travels into logs and response headers: accept only what is safe in both.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is well-formed, otherwise a fresh UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && acceptableRequestId.test(given) ? given : randomUUID();
}
