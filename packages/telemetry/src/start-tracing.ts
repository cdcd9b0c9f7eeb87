import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TracerProvider,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { createRequire } from 'node:module';

export interface TracingOptions {
  /** `service.name` of every span this process makes (`cell-host:order,payment`, `storefront`). */
  serviceName: string;
  /** OTLP/HTTP base URL of a collector (`http://otel-collector:4318`); spans go to `/v1/traces`. */
  otlpEndpoint?: string;
  /** Tests: spans go here, synchronously, instead of to a collector. */
  exporter?: SpanExporter;
  /** Extra resource attributes (`service.version`, `deployment.environment.name`). */
  attributes?: Record<string, string>;
  /**
   * `node` (cell hosts, the executor): incoming and outgoing HTTP, fetch and the MongoDB driver.
   * `next` (the apps): fetch only; Next.js makes the server spans itself, continuing the
   * browser's `traceparent`, and the apps reach no database.
   */
  runtime?: 'node' | 'next';
}

export interface Tracing {
  /** Sends what is buffered; call before exiting. */
  shutdown(): Promise<void>;
  /** Tests: exports every ended span now. */
  flush(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * Whether this process records spans (`startTracing` installed a provider). Without one every
 * span is OpenTelemetry's no-op, so a hot path (the cell host's request span) can skip making it.
 */
export function tracingStarted(): boolean {
  return started !== undefined;
}

/**
 * Starts OpenTelemetry for this process when an exporter is configured, and does nothing
 * otherwise: with no OTLP endpoint no provider, propagator or instrumentation is installed, so the
 * API's calls stay no-ops (docs/observability/tracing-and-logs.md has the measured cost). Call it
 * before the code it should trace is loaded: the MongoDB driver is patched as it is required.
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  if (started) return started;
  const exporter =
    options.exporter ??
    (options.otlpEndpoint
      ? new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })
      : undefined);
  if (!exporter) return undefined;

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

  // fetch: gateway → cell, cell → cell, cell → Inngest (events), executor → cell.
  const fetchInstrumentation = new UndiciInstrumentation();
  if (options.runtime === 'next') {
    registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [fetchInstrumentation],
    });
    started = { shutdown: () => provider.shutdown(), flush: () => provider.forceFlush() };
    return started;
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

  started = {
    shutdown: () => provider.shutdown(),
    flush: () => provider.forceFlush(),
  };
  return started;
}
