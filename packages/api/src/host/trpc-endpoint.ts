import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter, TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { Logger } from 'pino';
import type { CellDefinition } from '../cells/cell-definition';
import type { AccessTokenVerifier } from '../identity/access-token';
import { rememberUserId } from '../observability/request-context';
import type { CellContext } from '../trpc/context';
import { router } from '../trpc/init';
import { assertTrpcInternals } from './trpc-internals';
import { retryAfterHeaderFor } from '../trpc/retry-after';
import { clientAddressOf } from './client-address';
import { maxBatchSize, planFastQuery, runFastQuery } from './trpc-fast-path';

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

/**
 * Serves `/trpc/*` for the hosted cells only: their routers merged under their domain names.
 * Plain JSON queries take a direct path; everything else (mutations, malformed or unknown calls,
 * streaming) goes through tRPC's standard Node handler.
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

  return async (req, res, procedurePath, requestId, internal = false) => {
    // Made on first use: most calls log nothing, and a pino child costs a few microseconds.
    let requestLogger: Logger | undefined;
    const loggerOfRequest = () => (requestLogger ??= logger.child({ requestId }));
    const createContext = async (): Promise<CellContext> => ({
      requestId,
      get logger() {
        return loggerOfRequest();
      },
      identity: await verifyAccessToken(req.headers.authorization).then(rememberUserId),
      clientAddress: clientAddressOf(req, internal),
      cartToken: singleHeader(req.headers['x-cart-token']),
    });
    const fastPathErrors: TRPCError[] = [];
    const onError = (error: TRPCError, path: string | undefined) =>
      logError(loggerOfRequest(), error, path);

    const plan = planFastQuery(hostedRouter, req, procedurePath);
    if (plan) {
      const { status, body } = await runFastQuery(
        hostedRouter,
        plan,
        await createContext(),
        (error, path) => {
          fastPathErrors.push(error);
          onError(error, path);
        },
      );
      res.statusCode = status;
      // A throttled call (429) tells the caller when to come back.
      const retryAfter = retryAfterHeaderFor(fastPathErrors);
      if (retryAfter) res.setHeader('retry-after', retryAfter);
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-length', Buffer.byteLength(body));
      res.setHeader('vary', 'trpc-accept, accept');
      res.end(body);
      return;
    }

    await nodeHTTPRequestHandler({
      router: hostedRouter,
      req,
      res,
      path: procedurePath,
      maxBodySize: maxBodyBytes,
      maxBatchSize,
      createContext,
      onError: ({ error, path }) => onError(error, path),
      responseMeta: ({ errors }) => {
        const retryAfter = retryAfterHeaderFor(errors);
        return retryAfter ? { headers: { 'retry-after': retryAfter } } : {};
      },
    });
  };
}
