import type { CsvImportView } from './views';

/**
 * An import as the audit log records its apply: the file, the plan the merchant applied (the
 * preview's counts and first 200 planned changes: handle, SKU and which fields) and, after, how
 * the rows came out. The per-row report stays downloadable from the import itself.
 */
export function csvImportAuditView(view: CsvImportView) {
  const preview = view.preview;
  return {
    fileName: view.fileName,
    kind: view.kind,
    status: view.status,
    rows: preview?.rows ?? 0,
    planned: preview ? { products: preview.products, variants: preview.variants } : null,
    changes: (preview?.changes ?? [])
      .filter((change) => change.action !== 'unchanged')
      .map(({ line, handle, sku, action, fields }) => ({ line, handle, sku, action, fields })),
    outcome: view.outcome,
  };
}
