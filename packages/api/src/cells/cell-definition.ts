import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import type { InngestFunction } from 'inngest';
import type { JWTVerifyGetKey } from 'jose';
import type { Domain } from '../domains';

/** The database a cell owns, as the host sees it: opened at start, pinged by `/readyz`. */
export interface CellDatabase {
  /** The database's name, reported by `/readyz` when it does not answer. */
  name: string;
  connect(): Promise<void>;
  ping(): Promise<void>;
}

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * A route that takes a request body (e.g. a payment provider's webhook). The handler reads the
 * raw body itself, because signatures are computed over the exact bytes sent.
 */
export interface PostRoute {
  method: 'POST';
  handle: HttpRoute;
}

/** Everything the host needs to serve one domain cell. */
export interface CellDefinition {
  name: Domain;
  /** The domain's procedures, mounted under `<name>.` in the merged router. */
  router: AnyTRPCRouter;
  /** The cell's Inngest functions, served at `/api/inngest/<name>` as app `shop-<name>`. */
  functions: readonly InngestFunction.Any[];
  /** The database the cell owns; none for cells that own no data (search reads via product). */
  database?: CellDatabase;
  /** Runs once after the database is connected, before the host reports ready. */
  start?: () => Promise<void>;
  /**
   * Plain HTTP routes the cell adds to any host that hosts it (exact path match): a function
   * answers GET and HEAD, a `PostRoute` answers POST.
   */
  httpRoutes?: Readonly<Record<string, HttpRoute | PostRoute>>;
  /** Verification keys for access tokens, when the cell can provide them without HTTP. */
  accessTokenKeySet?: () => JWTVerifyGetKey;
}
