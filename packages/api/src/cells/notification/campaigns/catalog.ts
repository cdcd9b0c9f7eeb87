import { openCatalogReader, type CatalogReader } from '../../product/public';

// The product cell's read-only catalogue view (its public module, the one other cells may use),
// opened once per process. The product cell has no public by-id procedure, and product cards and
// purchase categories need no staff permission.
let reader: Promise<CatalogReader> | undefined;

export function catalog(): Promise<CatalogReader> {
  reader ??= openCatalogReader().catch((error: unknown) => {
    reader = undefined;
    throw error;
  });
  return reader;
}
