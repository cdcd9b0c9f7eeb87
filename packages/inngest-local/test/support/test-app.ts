import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Inngest, type InngestFunction } from 'inngest';
import { serve } from 'inngest/node';
import { quietLogger } from './executor';

export interface TestApp {
  client: Inngest;
  /** The serve endpoint (`/api/inngest`). */
  url: string;
  /** PUT to the serve endpoint: the SDK then POSTs its functions to the executor. */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  port?: number;
  /** Cloud mode with this signing key (requests must then carry a valid signature). */
  signingKey?: string;
  appId?: string;
  /** The key `send()` uses (dev mode sends a placeholder key when none is set). */
  eventKey?: string;
}

/**
 * A real app: the real SDK client and `serve` handler on an HTTP server, pointed at the executor
 * exactly as an application would be (`baseUrl`, dev mode unless a signing key is given).
 */
export async function startTestApp(
  executorUrl: string,
  defineFunctions: (client: Inngest) => InngestFunction.Any[],
  options: TestAppOptions = {},
): Promise<TestApp> {
  const client = new Inngest({
    id: options.appId ?? `test-app-${randomBytes(3).toString('hex')}`,
    baseUrl: executorUrl,
    logger: quietLogger,
    ...(options.signingKey
      ? {
          isDev: false,
          signingKey: options.signingKey,
          eventKey: options.eventKey ?? 'test-event-key',
        }
      : { isDev: true, ...(options.eventKey ? { eventKey: options.eventKey } : {}) }),
  });
  const handler = serve({ client, functions: defineFunctions(client) });
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/api/inngest')) return void handler(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/inngest`;

  return {
    client,
    url,
    async sync() {
      const response = await fetch(url, { method: 'PUT' });
      if (!response.ok) throw new Error(`sync failed: ${response.status} ${await response.text()}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
