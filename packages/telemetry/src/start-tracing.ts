import type { SpanExporter } from '@opentelemetry/sdk-trace';

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

let started: Promise<Tracing> | undefined;
let installed = false;

/**
 * Whether this process records spans (`startTracing` installed a provider). Without one every
 * span is OpenTelemetry's no-op, so a hot path (the cell host's request span) can skip making it.
 */
export function tracingStarted(): boolean {
  return installed;
}

/**
 * Starts OpenTelemetry for this process when an exporter is configured, and does nothing
 * otherwise: with no OTLP endpoint the SDK is not even loaded (install-tracing.ts), no provider,
 * propagator or instrumentation is installed, and the API's calls stay no-ops
 * (docs/observability/tracing-and-logs.md has the measured cost). Await it before the code it
 * should trace is loaded: the MongoDB driver is patched as it is required.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  if (!started) {
    if (!options.exporter && !options.otlpEndpoint) return undefined;
    started = import('./install-tracing').then(({ installTracing }) => {
      const tracing = installTracing(options);
      installed = true;
      return tracing;
    });
  }
  return started;
}
