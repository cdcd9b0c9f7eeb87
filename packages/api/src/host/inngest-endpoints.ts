import type { RequestListener } from 'node:http';
import { serve } from 'inngest/node';
import type { CellDefinition } from '../cells/cell-definition';
import type { Domain } from '../domains';
import { inngestFor } from '../events/inngest-client';

export const inngestPathPrefix = '/api/inngest/';

export function inngestPathFor(domain: Domain): string {
  return `${inngestPathPrefix}${domain}`;
}

/**
 * One Inngest endpoint per hosted cell, each its own app (`shop-<domain>`), so syncing one pod
 * never removes another cell's functions.
 */
export function createInngestEndpoints(
  cells: readonly CellDefinition[],
  options: InngestEndpointOptions = {},
): ReadonlyMap<Domain, RequestListener> {
  return new Map(
    cells.map((cell) => [
      cell.name,
      serve({
        client: inngestFor(cell.name),
        functions: cell.functions,
        servePath: inngestPathFor(cell.name),
        ...(options.serveOrigin ? { serveOrigin: options.serveOrigin } : {}),
        ...(options.signingKeyFallback ? { signingKeyFallback: options.signingKeyFallback } : {}),
      }),
    ]),
  );
}

export interface InngestEndpointOptions {
  /** Where the Inngest server reaches this host (`INNGEST_SERVE_ORIGIN`); a sync registers it. */
  serveOrigin?: string;
  /** The previous signing key during a rotation (`INNGEST_SIGNING_KEY_FALLBACK`). */
  signingKeyFallback?: string;
}
