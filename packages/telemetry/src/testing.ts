/**
 * For tests that collect spans in memory (`startTracing({ exporter })`). Kept apart from the
 * package's index so that importing `@shop/telemetry` never loads OpenTelemetry's SDK.
 */
export { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
