import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** What the SDK says when its outbound registration fails (`{"message": "Failed to register; ..."}`). */
function reasonOf(body: unknown): string {
  try {
    const parsed = JSON.parse(String(body)) as { message?: unknown };
    if (typeof parsed.message === 'string' && parsed.message !== '') return parsed.message;
  } catch {
    // Not the SDK's JSON: say nothing more specific.
  }
  return 'the Inngest engine did not accept the registration';
}

/**
 * A sync (`PUT`) makes the SDK register this cell with the Inngest engine. When that outbound call
 * fails (engine unreachable, an answer that is not the engine's), the SDK answers 500, which reads
 * as a bug in this host. It is a failed upstream: answer 502 Bad Gateway saying so. The SDK
 * writes its answer with one `writeHead` and one `end` (inngest/node); both are intercepted for
 * this response only.
 */
export function answerFailedSyncAsBadGateway(res: ServerResponse, logger: Logger): void {
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    headers?: OutgoingHttpHeaders,
  ) => ServerResponse;
  const end = res.end.bind(res) as (body?: unknown) => ServerResponse;
  let failed = false;
  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    if (status < 500) return writeHead(status, headers);
    failed = true;
    return writeHead(502, { 'content-type': 'application/json' });
  }) as ServerResponse['writeHead'];
  res.end = ((body?: unknown) => {
    if (!failed) return end(body);
    const reason = reasonOf(body);
    logger.warn({ reason }, 'Inngest sync failed: answered 502');
    return end(JSON.stringify({ error: `could not register with the Inngest engine: ${reason}` }));
  }) as ServerResponse['end'];
}
