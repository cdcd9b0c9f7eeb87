import { readFileSync } from 'node:fs';
import { fromRoot } from '@shop/stack/repo-root';

/**
 * The header with the internal credential the e2e stack's cells require (docs/security/edge.md):
 * `CELL_SERVICE_TOKEN` when set, else the one the stack keeps in `.data/cell-service-token`. Read
 * per call: the stack writes the file when it starts, after Playwright has loaded the specs.
 */
export function cellCredentialHeaders(): Record<string, string> {
  const token =
    process.env.CELL_SERVICE_TOKEN?.trim() ||
    readFileSync(fromRoot('.data/cell-service-token'), 'utf8').trim();
  return { 'x-shop-cell-token': token };
}
