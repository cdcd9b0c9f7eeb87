import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedEvent {
  name: string;
  data: Record<string, unknown>;
}

export interface EventCapture {
  /** Base URL to give the Inngest SDK as INNGEST_BASE_URL. */
  url: string;
  events: CapturedEvent[];
  /** While true, the event API answers 500 (to test what a failed send does). */
  failing: boolean;
  /** The newest event named `name` whose data matches `where`. */
  latest(name: string, where?: Record<string, unknown>): CapturedEvent | undefined;
  stop(): Promise<void>;
}

/**
 * A stand-in for the Inngest event API (`POST /e/:key`) that records what cells send, so tests
 * can read the token an email would have carried.
 */
export async function startEventCapture(): Promise<EventCapture> {
  const events: CapturedEvent[] = [];
  const capture = { failing: false } as EventCapture;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (capture.failing || !req.url?.startsWith('/e/')) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'unavailable', status: 500 }));
        return;
      }
      const sent = JSON.parse(body) as CapturedEvent | CapturedEvent[];
      const batch = Array.isArray(sent) ? sent : [sent];
      events.push(...batch);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ ids: batch.map((_, i) => `captured-${events.length}-${i}`), status: 200 }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(capture, {
    url: `http://127.0.0.1:${port}`,
    events,
    latest(name: string, where: Record<string, unknown> = {}) {
      return events.findLast(
        (event) =>
          event.name === name &&
          Object.entries(where).every(([key, value]) => event.data[key] === value),
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
