import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter, TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { Logger } from 'pino';
import type { CellDefinition } from '../cells/cell-definition';
import type { AccessTokenVerifier } from '../identity/access-token';
import type { Identity } from '../identity/identity';
import { rememberUserId } from '../observability/request-context';
import type { CellContext } from '../trpc/context';
import { router } from '../trpc/init';
import { assertTrpcInternals } from './trpc-internals';
import { retryAfterHeaderFor } from '../trpc/retry-after';
import { clientAddressOf } from './client-address';
import { readRawBody } from './read-raw-body';
import {
  maxBatchSize,
  mayPlanFastMutation,
  planFastCall,
  runFastCall,
  type FastCallPlan,
} from './trpc-fast-path';

/** Larger bodies are refused with 413 before they are parsed. */
const maxBodyBytes = 1024 * 1024;

export type TrpcEndpoint = (
  req: IncomingMessage,
  res: ServerResponse,
  procedurePath: string,
  requestId: string,
  /**
   * The caller presented the internal credential (or none is configured), so its
   * `x-forwarded-for` names the shopper; otherwise the socket's address counts.
   */
  internal?: boolean,
) => Promise<void>;

function logError(logger: Logger, error: TRPCError, path: string | undefined) {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    // The cause's stack goes to the log, never to the caller (see the error formatter).
    logger.error({ err: error.cause ?? error, path }, 'procedure failed');
  } else {
    logger.debug({ code: error.code, path, message: error.message }, 'procedure refused');
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A request whose body was read here: tRPC's handler takes it from `req.body`. */
type RequestWithBody = IncomingMessage & { body?: string };

/**
 * Serves `/trpc/*` for the hosted cells only: their routers merged under their domain names.
 * Plain JSON queries and mutations take a direct path (trpc-fast-path.ts); everything else
 * (malformed or unknown calls, other body types, streaming) goes through tRPC's standard Node
 * handler.
 */
export function createTrpcEndpoint(
  cells: readonly CellDefinition[],
  verifyAccessToken: AccessTokenVerifier,
  logger: Logger,
): TrpcEndpoint {
  const hostedRouter: AnyTRPCRouter = router(
    Object.fromEntries(cells.map((cell) => [cell.name, cell.router])),
  );
  assertTrpcInternals(hostedRouter);

  const contextOf = (
    req: IncomingMessage,
    requestId: string,
    internal: boolean,
    identity: Identity | null,
  ): CellContext => {
    // Made on first use: most calls log nothing, and a pino child costs a few microseconds.
    // An own getter, so tRPC's copies of the context (a middleware's `next({ ctx })`) keep it.
    let requestLogger: Logger | undefined;
    return {
      requestId,
      get logger() {
        return (requestLogger ??= logger.child({ requestId }));
      },
      identity,
      clientAddress: clientAddressOf(req, internal),
      cartToken: singleHeader(req.headers['x-cart-token']),
    };
  };
  // Without an `Authorization` header there is nothing to verify: no promise to wait for.
  const contextFor = (req: IncomingMessage, requestId: string, internal: boolean) => {
    const authorization = req.headers.authorization;
    if (!authorization) return contextOf(req, requestId, internal, null);
    return verifyAccessToken(authorization).then((identity) =>
      contextOf(req, requestId, internal, rememberUserId(identity)),
    );
  };

  return async (req, res, procedurePath, requestId, internal = false) => {
    let plan: FastCallPlan | null;
    if (mayPlanFastMutation(req, maxBodyBytes)) {
      // Its declared length is within the limit, so the whole body is read.
      const body = (await readRawBody(req, maxBodyBytes))?.toString('utf8') ?? '';
      plan = planFastCall(hostedRouter, req, procedurePath, body);
      if (!plan) (req as RequestWithBody).body = body;
    } else {
      plan = planFastCall(hostedRouter, req, procedurePath);
    }
    if (plan) {
      const context = contextFor(req, requestId, internal);
      const ctx = context instanceof Promise ? await context : context;
      const { status, body, errors } = await runFastCall(hostedRouter, plan, ctx);
      for (const { error, path } of errors) logError(ctx.logger, error, path);
      // A throttled call (429) tells the caller when to come back.
      const retryAfter = errors.length
        ? retryAfterHeaderFor(errors.map(({ error }) => error))
        : undefined;
      if (retryAfter) res.setHeader('retry-after', retryAfter);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        vary: 'trpc-accept, accept',
      });
      res.end(body);
      return;
    }

    let ctxOfCall: CellContext | undefined;
    await nodeHTTPRequestHandler({
      router: hostedRouter,
      req,
      res,
      path: procedurePath,
      maxBodySize: maxBodyBytes,
      maxBatchSize,
      createContext: async () => (ctxOfCall = await contextFor(req, requestId, internal)),
      onError: ({ error, path }) =>
        logError(ctxOfCall?.logger ?? logger.child({ requestId }), error, path),
      responseMeta: ({ errors }) => {
        const retryAfter = retryAfterHeaderFor(errors);
        return retryAfter ? { headers: { 'retry-after': retryAfter } } : {};
      },
    });
  };
}
