import {
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type Context,
} from '@opentelemetry/api';

/** W3C trace-context version 00: `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`. */
const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The header when it is well-formed (and not the all-zero ids W3C forbids), else undefined. */
export function validTraceparent(value: string | null | undefined): string | undefined {
  const match = value ? traceparentPattern.exec(value.trim()) : null;
  if (!match) return undefined;
  if (/^0+$/.test(match[1] ?? '') || /^0+$/.test(match[2] ?? '')) return undefined;
  return value?.trim();
}

/** The active span's `traceparent`, or undefined when nothing is being traced. */
export function currentTraceparent(): string | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  const flags = (traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  return validTraceparent(`00-${traceId}-${spanId}-${flags}`);
}

/** A context whose parent is the given `traceparent` (a stored event's), or the root context. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  const valid = validTraceparent(traceparent);
  if (!valid) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent: valid });
}

/**
 * Runs `fn` in the trace `traceparent` names when it is valid, else in the current context (a
 * stored trace context is optional: records from before tracing have none).
 */
export function continueTrace<T>(traceparent: string | null | undefined, fn: () => T): T {
  const valid = validTraceparent(traceparent);
  return valid ? context.with(contextOfTraceparent(valid), fn) : fn();
}

/** Runs `fn` as a continuation of `traceparent`, or from the root context without one. */
export function withTraceparent<T>(traceparent: string | undefined, fn: () => T): T {
  return context.with(contextOfTraceparent(traceparent), fn);
}
