import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { answerFailedSyncAsBadGateway } from './inngest-sync-failure';
import { sendJson } from './json-response';

/** The Inngest SDK's `serve()` handler for one cell. */
export type InngestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type GuardedInngestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  internal: boolean,
) => Promise<void>;

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * What the host adds around a cell's Inngest endpoint:
 * - Who may ask for a sync (`PUT`, which makes the SDK call the engine). In production (the SDK's
 *   cloud mode) the SDK itself refuses every unsigned request (`enableUnauthedSync: false`,
 *   inngest-endpoints.ts), so only the engine or a holder of the signing key can. In dev mode
 *   nothing is signed: a sync is taken only from this machine (the local executor, a host
 *   syncing itself) or from a caller holding the internal credential.
 * - A failed outbound registration answers 502 with the reason (inngest-sync-failure.ts).
 * - A body that is not JSON answers 400: the SDK parses it before anything else and throws.
 */
export function guardInngestEndpoint(
  serveInngest: InngestHandler,
  mode: () => 'cloud' | 'dev',
  logger: Logger,
): GuardedInngestHandler {
  return async (req, res, internal) => {
    if (req.method === 'PUT') {
      if (mode() === 'dev' && !internal && !isLoopback(req.socket.remoteAddress)) {
        return sendJson(res, 403, {
          error: 'a sync is accepted only from this machine or with the internal credential',
        });
      }
      answerFailedSyncAsBadGateway(res, logger);
    }
    try {
      await serveInngest(req, res);
    } catch (error) {
      if (!(error instanceof SyntaxError) || res.headersSent) throw error;
      sendJson(res, 400, { error: 'the request body is not valid JSON' });
    }
  };
}
