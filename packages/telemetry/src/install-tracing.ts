import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { createRequire } from 'node:module';
import type { Tracing, TracingOptions } from './start-tracing';

/**
 * The OpenTelemetry SDK, its OTLP exporter and the instrumentations: loaded by `startTracing`
 * only when spans have somewhere to go (about 18 MiB of memory a process with tracing off does
 * not pay). Only this module and `testing.ts` import OpenTelemetry beyond its API (ESLint
 * enforces it), so nothing else pulls the SDK in at start.
 */
export function installTracing(options: TracingOptions): Tracing {
  const exporter =
    options.exporter ??
    new OTLPTraceExporter({
      url: `${(options.otlpEndpoint ?? '').replace(/\/$/, '')}/v1/traces`,
    });

  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      ...options.attributes,
    }),
    // A test's exporter sees each span as it ends; a collector gets batches off the request path.
    spanProcessors: [
      options.exporter
        ? new SimpleSpanProcessor({ exporter })
        : new BatchSpanProcessor({ exporter }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const tracing: Tracing = {
    shutdown: () => provider.shutdown(),
    flush: () => provider.forceFlush(),
  };

  // fetch: gateway → cell, cell → cell, cell → Inngest (events), executor → cell.
  const fetchInstrumentation = new UndiciInstrumentation();
  if (options.runtime === 'next') {
    registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [fetchInstrumentation],
    });
    return tracing;
  }
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Outgoing http.request (Stripe's SDK) carries the trace. Incoming requests are not
      // wrapped here: the cell host makes one span per request itself, named for the procedure
      // or function it runs (host/request-span.ts), and a second span per request would double
      // the cost for nothing; the executor reads the `traceparent` of an event it receives.
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
      fetchInstrumentation,
      new MongoDBInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  // ESM imports of node:http bypass the require hook that patches it; one require applies the
  // patch to the shared Server and request functions before any server starts.
  createRequire(import.meta.url)('node:http');
  return tracing;
}
