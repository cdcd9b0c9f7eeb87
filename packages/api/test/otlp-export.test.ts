import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isolateTestDatabases } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnHost } from './support/spawn-host';

/**
 * A cell host started as the pods start it, with OTEL_EXPORTER_OTLP_ENDPOINT set, sends its spans
 * to that collector over OTLP/HTTP. The OpenTelemetry SDK is loaded only when an endpoint is set
 * (@shop/telemetry's start-tracing.ts), so this is the path that proves loading it late still
 * traces the requests; checkout-observability.test.ts follows one trace across cells in-process.
 */

interface ExportedSpan {
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
}
interface TraceExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: ExportedSpan[] }[];
  }[];
}

const exports: TraceExport[] = [];
const exportPaths: string[] = [];
let collector: Server;
let collectorUrl: string;

beforeAll(async () => {
  isolateTestDatabases(); // the child inherits the prefix through MONGODB_DB_PREFIX
  // A collector stand-in: keeps each OTLP/HTTP JSON export it receives.
  collector = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      exportPaths.push(request.url ?? '');
      exports.push(JSON.parse(body) as TraceExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

it('a host with an OTLP endpoint exports a span for each procedure call, named for it', async () => {
  const host = await spawnHost({
    CELLS: 'product',
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
  });
  const response = await fetch(`${host.url}/trpc/product.status`);
  expect(response.status).toBe(200);
  // A stopping host flushes what its batch processor holds before it exits.
  expect(await host.stop()).toBe(0);

  expect(exportPaths.length).toBeGreaterThan(0);
  expect(new Set(exportPaths)).toEqual(new Set(['/v1/traces']));
  const resources = exports.flatMap((exported) => exported.resourceSpans);
  const serviceNames = resources.flatMap((resource) =>
    resource.resource.attributes
      .filter((attribute) => attribute.key === 'service.name')
      .map((attribute) => attribute.value.stringValue),
  );
  expect(new Set(serviceNames)).toEqual(new Set(['product']));
  const spanNames = resources.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => span.name)),
  );
  expect(spanNames).toContain('trpc product.status');
});
