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
): ReadonlyMap<Domain, RequestListener> {
  return new Map(
    cells.map((cell) => [
      cell.name,
      serve({
        client: inngestFor(cell.name),
        functions: cell.functions,
        servePath: inngestPathFor(cell.name),
      }),
    ]),
  );
}
