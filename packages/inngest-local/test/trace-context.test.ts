import { createServer, type Server } from 'node:http';
import { Inngest } from 'inngest';
import { serve } from 'inngest/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { quietLogger, startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';

// Issue 16: one checkout is one trace, so a run continues the trace of the event that started it.
// This process runs no OpenTelemetry SDK: the executor passes the stored header on as it is.
describe('trace context through events', () => {
  let executor: LocalInngest;
  let server: Server;
  const seen: { step: string; traceparent: string | undefined }[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    const client = new Inngest({
      id: 'trace-app',
      baseUrl: executor.url,
      isDev: true,
      logger: quietLogger,
    });
    const handler = serve({
      client,
      functions: [
        client.createFunction(
          { id: 'two-steps', triggers: [{ event: 'shop/traced.happened' }] },
          async ({ step }) => {
            await step.run('first', () => 1);
            await step.run('second', () => 2);
            return 'done';
          },
        ),
      ],
    });
    server = createServer((request, response) => {
      const header = request.headers.traceparent;
      seen.push({
        step: new URL(request.url ?? '/', 'http://app').searchParams.get('stepId') ?? '',
        traceparent: typeof header === 'string' ? header : undefined,
      });
      return void handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const sync = await fetch(`http://127.0.0.1:${port}/api/inngest`, { method: 'PUT' });
    expect(sync.ok).toBe(true);
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await executor?.stop();
  });

  async function send(headers: Record<string, string>): Promise<string> {
    const response = await fetch(`${executor.url}/e/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'shop/traced.happened', data: {} }),
    });
    const { ids } = (await response.json()) as { ids: string[] };
    return ids[0] ?? '';
  }

  it("calls the app for every step with the sending request's traceparent", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    seen.length = 0;
    const run = await waitForRunEnd(executor.url, await send({ traceparent }));
    expect(run.status).toBe('Completed');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.map((call) => call.traceparent)).toEqual(seen.map(() => traceparent));
  });

  it('passes on no trace context when the event came without one, or with a malformed one', async () => {
    seen.length = 0;
    expect((await waitForRunEnd(executor.url, await send({}))).status).toBe('Completed');
    expect(
      (await waitForRunEnd(executor.url, await send({ traceparent: 'not-a-trace' }))).status,
    ).toBe('Completed');
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((call) => call.traceparent === undefined)).toBe(true);
  });
});
