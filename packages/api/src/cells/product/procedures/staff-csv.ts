import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
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

type StaffArgs<Input> = HandlerArgs<Input, SignedInContext>;

const actorOf = (ctx: SignedInContext) => ({
  id: ctx.identity.accountId,
  email: ctx.identity.email,
});

/** Every product and variant as CSV text, with stock. */
export async function exportProductsCsv(_args: StaffArgs<undefined>) {
  const text = await exportCsv(await productDatabase.models());
  return { fileName: `products-${new Date().toISOString().slice(0, 10)}.csv`, text };
}

/** Opens an import for a file sent in `partCount` parts. */
export async function startCsvImport({ input, ctx }: StaffArgs<StartCsvImportInput>) {
  return startImport(await productDatabase.models(), input, actorOf(ctx));
}

export async function uploadCsvImportPart({ input, ctx }: StaffArgs<UploadCsvImportPartInput>) {
  return uploadPart(await productDatabase.models(), input, actorOf(ctx));
}

/** The dry run: what would be created, updated and left alone, and every bad row. */
export async function previewCsvImport({ input, ctx }: StaffArgs<PreviewCsvImportInput>) {
  return previewImport(await productDatabase.models(), input.importId, actorOf(ctx));
}

export async function applyCsvImport({ input, ctx }: StaffArgs<ApplyCsvImportInput>) {
  return applyImport(await productDatabase.models(), input, actorOf(ctx), ctx.logger);
}

/** An import's state and progress (the admin polls it while a large file is applied). */
export async function csvImport({ input, ctx }: StaffArgs<CsvImportInput>) {
  return importView(await productDatabase.models(), input.importId, actorOf(ctx));
}

/** Every row's outcome as CSV, to download. */
export async function csvImportReport({ input, ctx }: StaffArgs<CsvImportReportInput>) {
  return importReport(await productDatabase.models(), input.importId, actorOf(ctx));
}
