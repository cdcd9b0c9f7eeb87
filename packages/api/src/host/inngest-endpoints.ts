import { serve } from 'inngest/node';
import type { Logger } from 'pino';
import type { CellDefinition } from '../cells/cell-definition';
import type { Domain } from '../domains';
import { inngestFor } from '../events/inngest-client';
import { guardInngestEndpoint, type GuardedInngestHandler } from './inngest-endpoint-guard';

export const inngestPathPrefix = '/api/inngest/';

export function inngestPathFor(domain: Domain): string {
  return `${inngestPathPrefix}${domain}`;
}

/**
 * One Inngest endpoint per hosted cell, each its own app (`shop-<domain>`), so syncing one pod
 * never removes another cell's functions. Signed requests only outside dev mode, syncs included
 * (`enableUnauthedSync: false`: an unsigned `PUT` would make the SDK call the engine for anyone);
 * see inngest-endpoint-guard.ts for the rest.
 */
export function createInngestEndpoints(
  cells: readonly CellDefinition[],
  logger: Logger,
  options: InngestEndpointOptions = {},
): ReadonlyMap<Domain, GuardedInngestHandler> {
  return new Map(
    cells.map((cell) => {
      const client = inngestFor(cell.name);
      const handler = serve({
        client,
        functions: cell.functions,
        servePath: inngestPathFor(cell.name),
        enableUnauthedSync: false,
        ...(options.serveOrigin ? { serveOrigin: options.serveOrigin } : {}),
        ...(options.signingKeyFallback ? { signingKeyFallback: options.signingKeyFallback } : {}),
      });
      return [cell.name, guardInngestEndpoint(handler, () => client.mode, logger)];
    }),
  );
}

export interface InngestEndpointOptions {
  /** Where the Inngest server reaches this host (`INNGEST_SERVE_ORIGIN`); a sync registers it. */
  serveOrigin?: string;
  /** The previous signing key during a rotation (`INNGEST_SIGNING_KEY_FALLBACK`). */
  signingKeyFallback?: string;
}
