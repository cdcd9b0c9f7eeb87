import { trace } from '@opentelemetry/api';

/** The active span's ids for a log line, or nothing when no span is active (tracing off). */
export function activeTraceFields(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  // A non-recording span with the invalid all-zero id is what the no-op API hands out.
  if (traceFlags === 0 && /^0+$/.test(traceId)) return undefined;
  return { traceId, spanId };
}
