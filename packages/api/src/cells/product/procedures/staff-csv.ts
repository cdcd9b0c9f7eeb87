import type { SignedInContext, StaffArgs } from '../../../trpc/context';
import { csvImportAuditView } from '../csv-import-audit';
import {
  applyImport,
  importReport,
  importView,
  previewImport,
  startImport,
  uploadPart,
} from '../csv-import-run';
import { exportProductsCsv as exportCsv } from '../csv-product-export';
import { productDatabase } from '../database';
import type {
  ApplyCsvImportInput,
  CsvImportInput,
  CsvImportReportInput,
  PreviewCsvImportInput,
  StartCsvImportInput,
  UploadCsvImportPartInput,
} from '../inputs';

// CSV export (`catalog:read`) and import (`catalog:write`): see csv-*.ts and docs/back-office.md § CSV.

const actorOf = (ctx: SignedInContext) => ({
  id: ctx.identity.accountId,
  email: ctx.identity.email,
});

/** Every product and variant as CSV text, with stock. */
export async function exportProductsCsv(_args: StaffArgs<undefined>) {
  const text = await exportCsv(await productDatabase.models());
  return { fileName: `products-${new Date().toISOString().slice(0, 10)}.csv`, text };
}

// Staging a file and its dry run change nothing in the shop (only the caller's own import), so
// they leave no audit entry; the apply does.

/** Opens an import for a file sent in `partCount` parts. */
export async function startCsvImport({ input, ctx }: StaffArgs<StartCsvImportInput>) {
  ctx.audit.unchanged();
  return startImport(await productDatabase.models(), input, actorOf(ctx));
}

export async function uploadCsvImportPart({ input, ctx }: StaffArgs<UploadCsvImportPartInput>) {
  ctx.audit.unchanged();
  return uploadPart(await productDatabase.models(), input, actorOf(ctx));
}

/** The dry run: what would be created, updated and left alone, and every bad row. */
export async function previewCsvImport({ input, ctx }: StaffArgs<PreviewCsvImportInput>) {
  ctx.audit.unchanged();
  return previewImport(await productDatabase.models(), input.importId, actorOf(ctx));
}

/**
 * Applies a previewed import: the catalogue changes, so the audit log records the file, its plan
 * and the outcome (a repeated apply of an import already applying changes nothing new).
 */
export async function applyCsvImport({ input, ctx }: StaffArgs<ApplyCsvImportInput>) {
  const models = await productDatabase.models();
  const before = await importView(models, input.importId, actorOf(ctx));
  const after = await applyImport(models, input, actorOf(ctx), ctx.logger);
  if (before.status !== 'previewed') {
    ctx.audit.unchanged(); // applying or applied already: this call changed nothing
    return after;
  }
  ctx.audit.record({
    object: { type: 'csv-import', id: input.importId },
    before: { fileName: before.fileName, kind: before.kind, status: before.status },
    after: csvImportAuditView(after),
  });
  return after;
}

/** An import's state and progress (the admin polls it while a large file is applied). */
export async function csvImport({ input, ctx }: StaffArgs<CsvImportInput>) {
  return importView(await productDatabase.models(), input.importId, actorOf(ctx));
}

/** Every row's outcome as CSV, to download. */
export async function csvImportReport({ input, ctx }: StaffArgs<CsvImportReportInput>) {
  return importReport(await productDatabase.models(), input.importId, actorOf(ctx));
}
