import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
} from '@shop/telemetry';
import type { GatewayTarget } from './create-gateway';

const headersGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};

/**
 * Runs the gateway's forwarding of one browser call in a span (`gateway order.place`), so a trace
 * starts at the browser's request: inside the app server's span when Next.js made one, else
 * continuing the browser's own `traceparent`. The fetch to the cell, made inside it, carries the
 * trace on (the undici instrumentation writes `traceparent`).
 */
export function inGatewaySpan(
  request: Request,
  target: GatewayTarget,
  forward: () => Promise<Response>,
): Promise<Response> {
  const active = context.active();
  const parent: Context = trace.getSpan(active)
    ? active
    : propagation.extract(active, request.headers, headersGetter);
  const procedures = target.path.join('/');
  return trace.getTracer('@shop/api').startActiveSpan(
    `gateway ${procedures || target.domain}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'shop.gateway': true,
        'shop.cell': target.domain,
        'rpc.method': procedures,
        'http.request.method': request.method,
      },
    },
    parent,
    async (span) => {
      try {
        const response = await forward();
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
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
