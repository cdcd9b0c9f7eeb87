import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EventIngestor } from '../../engine/event-ingestor';
import { parseIncomingEvents } from '../../protocol/event-payload';
import { headerValue, parseJsonBody, readBody, sendJson } from '../http-io';

const maxEventBytes = 3 * 1024 * 1024;

/**
 * `POST /e/:eventKey`: the event API the SDK's `send()` uses. Answers like the Inngest server:
 * `{ ids, status }` on success, `{ error, status }` otherwise.
 */
export async function handleEventRoute(
  request: IncomingMessage,
  response: ServerResponse,
  eventKey: string,
  deps: { ingestor: EventIngestor; requiredEventKey?: string },
): Promise<void> {
  if (deps.requiredEventKey && eventKey !== deps.requiredEventKey) {
    sendJson(response, 401, { error: 'Event key not found', status: 401 });
    return;
  }
  const body = parseJsonBody(await readBody(request, maxEventBytes));
  const parsed = parseIncomingEvents(body);
  if (!parsed.success) {
    sendJson(response, 400, {
      error: `invalid event payload: ${z.prettifyError(parsed.error)}`,
      status: 400,
    });
    return;
  }
  const ids = await deps.ingestor.ingest(parsed.data, {
    seedHeader: headerValue(request, 'x-inngest-event-id-seed'),
  });
  sendJson(response, 200, { ids, status: 200 });
}
