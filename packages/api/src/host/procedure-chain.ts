import {
  getTRPCErrorFromUnknown,
  TRPCError,
  type AnyTRPCProcedure,
  type TRPCProcedureType,
} from '@trpc/server';

/** What tRPC hands each middleware of a procedure (its `callRecursive`, @trpc/server 11.22). */
interface LevelOptions {
  ctx: unknown;
  type: TRPCProcedureType;
  path: string;
  input: unknown;
  getRawInput: () => Promise<unknown>;
  meta: unknown;
  signal: AbortSignal | undefined;
  batchIndex: number;
  next: (override?: NextOverride) => Promise<LevelResult>;
}

interface NextOverride {
  ctx?: object;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

type LevelResult =
  | { ok: true; data: unknown; ctx?: unknown; marker: string }
  | { ok: false; error: TRPCError; marker: string };

type Middleware = (options: LevelOptions) => Promise<LevelResult>;

/** The internals read here: a procedure's middleware list (input parsing and resolver included). */
interface ProcedureDef {
  middlewares: Middleware[];
  meta: unknown;
  experimental_caller?: boolean;
}

export interface ProcedureCall {
  ctx: unknown;
  type: TRPCProcedureType;
  path: string;
  input: unknown;
  batchIndex: number;
}

// tRPC marks every middleware result with this string; nothing reads it back, it is kept alike.
const middlewareMarker = 'middlewareMarker';

/** What stays the same at every level of one call. */
interface Chain {
  middlewares: Middleware[];
  meta: unknown;
  type: TRPCProcedureType;
  path: string;
  batchIndex: number;
}

async function runLevel(
  chain: Chain,
  index: number,
  ctx: unknown,
  input: unknown,
  getRawInput: () => Promise<unknown>,
): Promise<LevelResult> {
  const next = (override?: NextOverride) =>
    runLevel(
      chain,
      index + 1,
      override?.ctx ? { ...(ctx as object), ...override.ctx } : ctx,
      override && 'input' in override ? override.input : input,
      override?.getRawInput ?? getRawInput,
    );
  try {
    // One object literal of a fixed shape per level, where tRPC copies the options twice with a
    // property-by-property spread helper; same fields, same values.
    return await chain.middlewares[index]!({
      ctx,
      type: chain.type,
      path: chain.path,
      input,
      getRawInput,
      meta: chain.meta,
      signal: undefined,
      batchIndex: chain.batchIndex,
      next,
    });
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker };
  }
}

/**
 * Calls a procedure as `procedure(options)` does (tRPC's procedure caller: each middleware, input
 * parsing and the resolver in turn, a thrown error becoming the level's failed result), without
 * its per-level copies of the options. A procedure with its own caller (`experimental_caller`) is
 * called the standard way.
 */
export async function callProcedure(
  procedure: AnyTRPCProcedure,
  { ctx, type, path, input, batchIndex }: ProcedureCall,
): Promise<unknown> {
  const getRawInput = () => Promise.resolve(input);
  const def = procedure._def as unknown as ProcedureDef;
  if (def.experimental_caller) {
    return procedure({ ctx, type, path, getRawInput, signal: undefined, batchIndex });
  }
  const chain = { middlewares: def.middlewares, meta: def.meta, type, path, batchIndex };
  const result = await runLevel(chain, 0, ctx, undefined, getRawInput);
  if (!result) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'A middleware of this procedure returned nothing (it must return `next()`)',
    });
  }
  if (!result.ok) throw result.error;
  return result.data;
}
