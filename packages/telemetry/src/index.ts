export { startTracing, tracingStarted, type Tracing, type TracingOptions } from './start-tracing';
export { activeTraceFields } from './trace-fields';
export {
  contextOfTraceparent,
  continueTrace,
  currentTraceparent,
  validTraceparent,
  withTraceparent,
} from './traceparent';
export {
  createStructuredLogger,
  logFormatFrom,
  structuredLogOptions,
  type StructuredLogOptions,
} from './structured-log';
export { prettyLogLine } from './pretty-log-line';
export { sensitiveKeys } from './sensitive-keys';
// The API the platform's own spans use, from the one package that pins OpenTelemetry's versions.
export {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
// Types only: the SDK itself loads when tracing starts (start-tracing.ts); tests' exporter is in
// `@shop/telemetry/testing`.
export type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
