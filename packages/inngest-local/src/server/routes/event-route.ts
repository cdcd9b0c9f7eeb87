import type { IncomingMessage, ServerResponse } from 'node:http';
import { validTraceparent } from '@shop/telemetry';
import { z } from 'zod';
import type { EventIngestor } from '../../engine/event-ingestor';
import { parseIncomingEvents, type IncomingEvent } from '../../protocol/event-payload';
import { headerValue, parseJsonBody, readBody, sendJson } from '../http-io';

/** The engine's `AbsoluteMaxEventSize`: no request body may be larger. */
const maxBodyBytes = 3 * 1024 * 1024;

/** Names senders may not use (inngest/inngest `pkg/event/inbound.go`, `InternalNamePrefix`). */
const reservedPrefix = 'inngest/';

/**
 * `POST /e/:eventKey`: the event API the SDK's `send()` uses. Answers like the Inngest server:
 * `{ ids, status }` on success, `{ error, status }` otherwise.
 */
export async function handleEventRoute(
  request: IncomingMessage,
  response: ServerResponse,
  eventKey: string,
  deps: { ingestor: EventIngestor; requiredEventKey?: string; maxEventBytes: number },
): Promise<void> {
  if (deps.requiredEventKey && eventKey !== deps.requiredEventKey) {
    sendJson(response, 401, { error: 'Event key not found', status: 401 });
    return;
  }
  const body = parseJsonBody(await readBody(request, maxBodyBytes));
  const parsed = parseIncomingEvents(body);
  if (!parsed.success) {
    sendJson(response, 400, {
      error: `invalid event payload: ${z.prettifyError(parsed.error)}`,
      status: 400,
    });
    return;
  }
  const refused = refusal(parsed.data, body, deps.maxEventBytes);
  if (refused) {
    sendJson(response, 400, { error: refused, status: 400 });
    return;
  }
  const ids = await deps.ingestor.ingest(parsed.data, {
    seedHeader: headerValue(request, 'x-inngest-event-id-seed'),
    traceparent: validTraceparent(headerValue(request, 'traceparent')),
  });
  sendJson(response, 200, { ids, status: 200 });
}

/**
 * The engine's own checks, with its messages: reserved names (`NormalizeInbound`) and each
 * event's size (`eventstream.ParseStream`). The whole request is refused here before anything is
 * stored, where the engine keeps the events before the bad one.
 */
function refusal(events: IncomingEvent[], body: unknown, maxEventBytes: number): string | null {
  const raw = Array.isArray(body) ? (body as unknown[]) : [body];
  for (const [index, event] of events.entries()) {
    if (event.name.toLowerCase().startsWith(reservedPrefix)) {
      return `event name is reserved for internal use: ${event.name}`;
    }
    const size = Buffer.byteLength(JSON.stringify(raw[index]));
    if (size > maxEventBytes) {
      return `Event is over the max size: Max ${maxEventBytes} bytes / Size ${size} bytes`;
    }
  }
  return null;
}
