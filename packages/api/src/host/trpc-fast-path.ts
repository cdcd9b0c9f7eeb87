import type { IncomingMessage } from 'node:http';
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type TRPCError,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';

/** At most this many calls in one HTTP batch (the standard handler enforces the same). */
export const maxBatchSize = 50;

export interface FastQueryPlan {
  calls: { path: string; procedure: AnyTRPCProcedure; input: unknown }[];
  isBatch: boolean;
}

export interface FastQueryResponse {
  status: number;
  body: string;
}

type ProcedureRecord = Record<string, AnyTRPCProcedure | undefined>;

/** `application/json` of `Application/JSON; charset=utf-8`, as tRPC compares it. */
function mediaTypeOf(contentType: string): string {
  return contentType.toLowerCase().split(';', 1)[0]!.trim();
}

/**
 * Whether a request is a plain JSON query (GET, single or batched, every path a known query,
 * input well-formed), which is nearly all read traffic. Anything else returns null and goes to
 * tRPC's own handler, which also produces the protocol's error answers (404, 405, PARSE_ERROR...).
 */
export function planFastQuery(
  router: AnyTRPCRouter,
  req: IncomingMessage,
  procedurePath: string,
): FastQueryPlan | null {
  // Streaming (jsonl) and SSE answers are the standard handler's job.
  if (req.method !== 'GET' || req.headers['trpc-accept'] !== undefined) return null;
  if (req.headers.accept === 'text/event-stream') return null;
  if (req.headers.accept?.split(',').some((type) => type.trim() === 'application/jsonl')) {
    return null;
  }
  // tRPC refuses a GET declaring a form or binary body (405); any body type but JSON is its call.
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && mediaTypeOf(contentType) !== 'application/json') return null;

  const url = req.url ?? '';
  const queryStart = url.indexOf('?');
  const search = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  // tRPC parses (and may refuse) connection params; they are never sent with plain queries.
  if (search.has('connectionParams')) return null;
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? procedurePath.split(',') : [procedurePath];
  if (paths.length > maxBatchSize) return null;

  const rawInput = search.get('input');
  let inputs: unknown;
  try {
    inputs = rawInput === null ? undefined : JSON.parse(rawInput);
  } catch {
    return null;
  }
  // tRPC wants a batch's inputs as an object keyed by index: an array is a 400 there.
  if (
    isBatch &&
    inputs !== undefined &&
    (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
  ) {
    return null;
  }

  const procedures = router._def.procedures as ProcedureRecord;
  const calls: FastQueryPlan['calls'] = [];
  for (const [index, path] of paths.entries()) {
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    if (!procedure || procedure._def.type !== 'query') return null;
    const input = isBatch
      ? (inputs as Record<string, unknown> | undefined)?.[String(index)]
      : inputs;
    calls.push({ path, procedure, input });
  }
  return { calls, isBatch };
}

/**
 * Runs a planned query exactly as tRPC's handler would (same procedure call, same error shape and
 * status rules) but writes JSON straight back, without building Fetch `Request`/`Response`
 * objects and streams: that machinery costs several times the work of a trivial procedure.
 */
export async function runFastQuery<TContext>(
  router: AnyTRPCRouter,
  plan: FastQueryPlan,
  ctx: TContext,
  onError: (error: TRPCError, path: string) => void,
): Promise<FastQueryResponse> {
  const config = router._def._config;
  const answers = await Promise.all(
    plan.calls.map(async ({ path, procedure, input }, batchIndex) => {
      try {
        const data: unknown = await procedure({
          path,
          getRawInput: () => Promise.resolve(input),
          ctx,
          type: 'query',
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        onError(error, path);
        return { error: getErrorShape({ config, error, type: 'query', path, input, ctx }) };
      }
    }),
  );
  const json = plan.isBatch ? answers : answers[0]!;
  return { status: getHTTPStatusCode(json), body: JSON.stringify(json) };
}
