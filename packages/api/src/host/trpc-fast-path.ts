import type { IncomingMessage } from 'node:http';
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
  type TRPCError,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import { callProcedure } from './procedure-chain';

/** At most this many calls in one HTTP batch (the standard handler enforces the same). */
export const maxBatchSize = 50;

export interface FastCallPlan {
  /** Queries come as GET, mutations as POST; one type per request, as tRPC requires. */
  type: 'query' | 'mutation';
  calls: { path: string; procedure: AnyTRPCProcedure; input: unknown }[];
  isBatch: boolean;
}

export interface FastCallResponse {
  status: number;
  body: string;
  /** The calls that failed (for the log and `Retry-After`); empty when all answered data. */
  errors: { error: TRPCError; path: string }[];
}

const noQuery = new URLSearchParams();

type ProcedureRecord = Record<string, AnyTRPCProcedure | undefined>;

/** `application/json` of `Application/JSON; charset=utf-8`, as tRPC compares it. */
function mediaTypeOf(contentType: string): string {
  return contentType.toLowerCase().split(';', 1)[0]!.trim();
}

/** Streaming (jsonl) and SSE answers are the standard handler's job. */
function asksForStream(req: IncomingMessage): boolean {
  if (req.headers['trpc-accept'] !== undefined) return true;
  const accept = req.headers.accept;
  if (accept === 'text/event-stream') return true;
  return (
    accept?.includes('application/jsonl') === true &&
    accept.split(',').some((type) => type.trim() === 'application/jsonl')
  );
}

/**
 * Whether a POST may take the direct path once its body is read: JSON declared, a length declared
 * within `maxBodyBytes` (so reading it cannot overflow), no stream asked for. The body is read
 * only then; a body read and then declined is handed on to tRPC's handler as `req.body`.
 */
export function mayPlanFastMutation(req: IncomingMessage, maxBodyBytes: number): boolean {
  if (req.method !== 'POST' || asksForStream(req)) return false;
  const contentType = req.headers['content-type'];
  if (contentType === undefined || mediaTypeOf(contentType) !== 'application/json') return false;
  const declared = Number(req.headers['content-length']);
  return Number.isInteger(declared) && declared > 0 && declared <= maxBodyBytes;
}

/**
 * Whether a request is a plain JSON call the direct path answers exactly as tRPC would: a GET of
 * queries (input in the query string) or a POST of mutations (input as the JSON `body`), single or
 * batched, every path a known procedure of that type, input well-formed. That is nearly all
 * traffic. Anything else returns null and goes to tRPC's own handler, which also produces the
 * protocol's error answers (404, 405, PARSE_ERROR...).
 */
export function planFastCall(
  router: AnyTRPCRouter,
  req: IncomingMessage,
  procedurePath: string,
  body?: string,
): FastCallPlan | null {
  const type = req.method === 'GET' ? 'query' : req.method === 'POST' ? 'mutation' : null;
  if (type === null || asksForStream(req)) return null;
  // tRPC refuses a GET declaring a form or binary body (405); any body type but JSON is its call.
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && mediaTypeOf(contentType) !== 'application/json') return null;
  if (type === 'mutation' && (contentType === undefined || body === undefined || body === '')) {
    return null;
  }

  const url = req.url ?? '';
  const queryStart = url.indexOf('?');
  // Most calls carry no query string at all (a mutation's input is its body): nothing to parse.
  const search = queryStart === -1 ? noQuery : new URLSearchParams(url.slice(queryStart + 1));
  // tRPC parses (and may refuse) connection params; they are never sent with plain calls.
  if (search.has('connectionParams')) return null;
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? procedurePath.split(',') : [procedurePath];
  if (paths.length > maxBatchSize) return null;

  const rawInput = type === 'query' ? search.get('input') : body!;
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
  const calls: FastCallPlan['calls'] = [];
  for (let index = 0; index < paths.length; index++) {
    const path = paths[index]!;
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    if (!procedure || procedure._def.type !== type) return null;
    const input = isBatch
      ? (inputs as Record<string, unknown> | undefined)?.[String(index)]
      : inputs;
    calls.push({ path, procedure, input });
  }
  return { type, calls, isBatch };
}

type FastCall = FastCallPlan['calls'][number];
type RouterConfig = AnyTRPCRouter['_def']['_config'];
type CallAnswer = { result: { data: unknown } } | { error: ReturnType<typeof getErrorShape> };

/** One call's answer as tRPC writes it: `{ result: { data } }` or `{ error: <shape> }`. */
async function answerCall(
  config: RouterConfig,
  type: FastCallPlan['type'],
  { path, procedure, input }: FastCall,
  batchIndex: number,
  ctx: unknown,
  errors: FastCallResponse['errors'],
): Promise<CallAnswer> {
  try {
    const data = await callProcedure(procedure, { ctx, type, path, input, batchIndex });
    return { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    errors.push({ error, path });
    return { error: getErrorShape({ config, error, type, path, input, ctx }) };
  }
}

/**
 * Runs a planned call exactly as tRPC's handler would (same procedure call, same error shape and
 * status rules) but writes JSON straight back, without building Fetch `Request`/`Response`
 * objects and streams (which also answer chunked, in several writes): that machinery costs
 * several times the work of a small procedure.
 */
export async function runFastCall(
  router: AnyTRPCRouter,
  plan: FastCallPlan,
  ctx: unknown,
): Promise<FastCallResponse> {
  const config = router._def._config;
  const errors: FastCallResponse['errors'] = [];
  const json = plan.isBatch
    ? await Promise.all(
        plan.calls.map((call, index) => answerCall(config, plan.type, call, index, ctx, errors)),
      )
    : await answerCall(config, plan.type, plan.calls[0]!, 0, ctx, errors);
  // Every call answered data: 200, as tRPC's rule gives (no error, one status), without its Set.
  const status = errors.length === 0 ? 200 : getHTTPStatusCode(json);
  return { status, body: JSON.stringify(json), errors };
}
