import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Ids come from other processes: accept only what is safe to echo in a header and a log line.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is well-formed, else a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && acceptableRequestId.test(given)) return given;
  return randomUUID();
}
