import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@shop/telemetry';
import type { IncomingHttpHeaders } from 'node:http';

/** The tracer of the platform's own spans (a cell's work, the gateway's forwarding). */
export const shopTracer = () => trace.getTracer('@shop/api');

/**
 * Runs `fn` in a server span for a request: a child of the HTTP instrumentation's span when there
 * is one, else of the caller's `traceparent`. With tracing off the API's no-op span costs a few
 * object allocations and `fn` runs unchanged.
 */
export function inRequestSpan<T>(
  name: string,
  headers: IncomingHttpHeaders,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const active = context.active();
  const parent = trace.getSpan(active) ? active : propagation.extract(active, headers);
  return shopTracer().startActiveSpan(
    name,
    { kind: SpanKind.SERVER, attributes },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
