import { propagation, withTraceparent } from '@shop/telemetry';
import { canonicalJson } from '../protocol/canonical-json';
import { outgoingOpsSchema, type OutgoingOp } from '../protocol/outgoing-op';
import { signRequestBody } from '../protocol/signing';
import { parseRetryAfterMs } from '../protocol/time-string';
import type { RunDocument } from '../store/run-model';
import { runEvents, runMemo } from './run-state';

export type CallOutcome =
  /** 200: the function returned. */
  | { kind: 'completed'; output: unknown }
  /** 206: steps the SDK ran, planned or asks us to perform. */
  | {
      kind: 'ops';
      ops: OutgoingOp[];
      retryAfterMs?: number;
      noRetry: boolean;
      /** `x-inngest-req-version`: 2 when the SDK optimises parallelism (its default), else 1. */
      requestVersion: number;
    }
  /** Any other answer: the function (or the app in front of it) failed this attempt. */
  | {
      kind: 'error';
      status: number;
      error: SerializedError;
      retriable: boolean;
      retryAfterMs?: number;
    }
  /** No answer at all: connection refused, reset, DNS. The app is down, not the function. */
  | { kind: 'unreachable'; reason: string }
  /** We gave the call up because the executor is stopping. */
  | { kind: 'aborted' };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

export interface CallRequest {
  run: RunDocument;
  /** `step` to run the function from the top; a hashed step id to run just that step. */
  stepId: string;
  attempt: number;
  disableImmediateExecution: boolean;
  signingKey?: string;
  timeoutMs: number;
  /** Largest step output accepted (the engine's `MaxStepOutputSize`). */
  maxStepOutputBytes: number;
  /** Aborted when the executor shuts down. */
  shutdown: AbortSignal;
}

/**
 * One call request to an app, shaped as the SDK spec and the v4 SDK expect. `ctx.fn_id` is left
 * out on purpose: without it the SDK does not try to checkpoint to `/v1/checkpoint`, an API this
 * executor does not offer, and falls back to plain request/response execution.
 */
export async function callApp(request: CallRequest): Promise<CallOutcome> {
  const { run } = request;
  const events = runEvents(run);
  const body = canonicalJson({
    event: events[0] ?? {},
    events,
    steps: runMemo(run),
    ctx: {
      run_id: run.runId,
      attempt: request.attempt,
      max_attempts: run.maxAttempts,
      disable_immediate_execution: request.disableImmediateExecution,
      use_api: false,
      stack: { stack: run.stack, current: Math.max(0, run.stack.length - 1) },
    },
    version: 2,
  });

  const url = new URL(run.stepUrl);
  url.searchParams.set('fnId', run.functionId);
  url.searchParams.set('stepId', request.stepId);

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'inngest-local',
    'x-inngest-server-kind': request.signingKey ? 'cloud' : 'dev',
  };
  if (request.signingKey)
    headers['x-inngest-signature'] = signRequestBody(body, request.signingKey);
  // The call continues the trace of the event that started the run. With tracing on, the fetch
  // instrumentation writes `traceparent` from that context (a span of its own in between);
  // with it off, the stored header is passed on as it is, so a traced app still joins the trace.
  if (run.traceparent && !propagation.fields().includes('traceparent')) {
    headers.traceparent = run.traceparent;
  }

  const timeout = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await withTraceparent(run.traceparent, () =>
      fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.any([timeout, request.shutdown]),
      }),
    );
    text = await response.text();
  } catch (error) {
    if (request.shutdown.aborted) return { kind: 'aborted' };
    if (timeout.aborted) {
      return {
        kind: 'error',
        status: 0,
        error: {
          name: 'TimeoutError',
          message: `the app did not answer within ${request.timeoutMs} ms`,
        },
        retriable: true,
      };
    }
    return { kind: 'unreachable', reason: describeFetchError(error) };
  }

  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
  const noRetry = response.headers.get('x-inngest-no-retry') === 'true';
  const json = parseJson(text);

  if (response.status === 200) return { kind: 'completed', output: json.ok ? json.value : text };
  if (response.status === 206 && json.ok) {
    const ops = outgoingOpsSchema.safeParse(Array.isArray(json.value) ? json.value : [json.value]);
    if (ops.success) {
      const oversized = ops.data.find(
        (op) =>
          op.data !== undefined &&
          Buffer.byteLength(JSON.stringify(op.data)) > request.maxStepOutputBytes,
      );
      if (oversized) {
        // The engine refuses the whole response while parsing it (`GeneratorOpcode.Validate`
        // in `pkg/execution/state/opcode.go`), and the attempt fails.
        return {
          kind: 'error',
          status: 206,
          error: {
            name: 'Error',
            message: `error validating generator opcode ${oversized.id}: step output size is greater than the limit (${request.maxStepOutputBytes} bytes)`,
          },
          retriable: true,
        };
      }
      // The engine reads a missing or unparsable header as 0 (`httpdriver.go`).
      const requestVersion = Number.parseInt(
        response.headers.get('x-inngest-req-version') ?? '',
        10,
      );
      return {
        kind: 'ops',
        ops: ops.data,
        retryAfterMs,
        noRetry,
        requestVersion: Number.isNaN(requestVersion) ? 0 : requestVersion,
      };
    }
    return {
      kind: 'error',
      status: 206,
      error: { name: 'Error', message: `unexpected 206 body from the app: ${ops.error.message}` },
      retriable: true,
    };
  }
  return {
    kind: 'error',
    status: response.status,
    error: toSerializedError(json.ok ? json.value : text, response.status),
    retriable: !noRetry,
    retryAfterMs,
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The SDK answers failures with a serialised error; anything else (a proxy page) is wrapped. */
export function toSerializedError(value: unknown, status?: number): SerializedError {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (message !== undefined || typeof record.name === 'string') {
      return {
        ...record,
        name: typeof record.name === 'string' ? record.name : 'Error',
        message: message ?? JSON.stringify(value),
      };
    }
    if (typeof record.error === 'string') return { name: 'Error', message: record.error };
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return {
    name: 'Error',
    message: `${status ? `HTTP ${status}` : 'error'}${text ? `: ${text.slice(0, 500)}` : ''}`,
  };
}

/** The most specific reason a fetch failed (`ECONNREFUSED` rather than `fetch failed`). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
