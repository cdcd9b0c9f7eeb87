import type { CsvImportKind, ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { stringify } from 'csv-stringify/sync';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { sendEvent } from '../../events/inngest-client';
import { csvImportRequested } from '../../events/schemas';
import { applyProductPlans, type RowResult } from './csv-product-apply';
import { planProductGroups } from './csv-product-plan';
import { dryRun, groupsPerChunk, productGroupsOf } from './csv-dry-run';
import { loadCategories } from './catalog-queries';
import { applyStockPlans, planStockRows } from './csv-stock-import';
import { readCsv } from './csv-read';
import { stockCsvColumns } from './csv-stock-import';
import type { ApplyCsvImportInput, StartCsvImportInput, UploadCsvImportPartInput } from './inputs';
import type { MovementRecord } from './stock-adjustment';
import type { CsvImportView, CsvPreview } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement' | 'CsvImport'>;
type Actor = NonNullable<MovementRecord['actor']>;

/** Files with at most this many rows are applied within the request; larger ones in the background. */
export const inlineApplyRows = 500;

const notFound = (id: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `No CSV import ${id}` });
const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/** An import is seen and used only by the staff member who uploaded it. */
async function ownImport({ CsvImport }: Models, importId: string, actor: Actor, withText = true) {
  const found = await CsvImport.findOne({
    _id: new Types.ObjectId(importId),
    createdById: actor.id,
  })
    // Status polls skip the file's text (up to 8 MiB).
    .select(withText ? {} : { parts: 0 })
    .lean();
  if (!found) throw notFound(importId);
  return found;
}

export async function startImport({ CsvImport }: Models, input: StartCsvImportInput, actor: Actor) {
  const created = await CsvImport.create({
    kind: input.kind,
    fileName: input.fileName,
    partCount: input.partCount,
    createdById: actor.id,
    createdByEmail: actor.email,
  });
  return { importId: created._id.toString() };
}

/** Parts arrive in order; sending a part again (a retry) is accepted if it is the same text. */
export async function uploadPart(models: Models, input: UploadCsvImportPartInput, actor: Actor) {
  const current = await ownImport(models, input.importId, actor);
  if (current.status !== 'uploading') throw conflict('This import has all its parts already');
  if (input.index >= current.partCount) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This import has ${current.partCount} parts`,
    });
  }
  if (input.index < current.parts.length) {
    if (current.parts[input.index] !== input.text)
      throw conflict(`Part ${input.index + 1} differs from the one received`);
    return { received: current.parts.length };
  }
  if (input.index !== current.parts.length) {
    throw conflict(`Part ${current.parts.length + 1} is expected next`);
  }
  await models.CsvImport.updateOne(
    { _id: current._id, parts: current.parts },
    { $push: { parts: input.text } },
  );
  return { received: input.index + 1 };
}

const textOf = (found: { parts: string[] }) => found.parts.join('');

/** The dry run: reads and checks every row against the catalogue, writes nothing but the preview. */
export async function previewImport(models: Models, importId: string, actor: Actor) {
  const found = await ownImport(models, importId, actor);
  if (found.parts.length < found.partCount) {
    throw conflict(`${found.partCount - found.parts.length} parts of the file are still missing`);
  }
  if (found.status !== 'uploading' && found.status !== 'previewed') {
    throw conflict('This import has been applied already');
  }
  const preview = await dryRun(models, found.kind, textOf(found));
  const total =
    found.kind === 'products'
      ? preview.products.create + preview.products.update + preview.products.unchanged
      : preview.variants.create + preview.variants.update + preview.variants.unchanged;
  await models.CsvImport.updateOne(
    { _id: found._id, status: { $in: ['uploading', 'previewed'] } },
    { $set: { status: 'previewed', preview, total, done: 0 } },
  );
  return viewOf({ ...found, status: 'previewed', preview, total, done: 0 });
}

/**
 * Applies a previewed import with no errors. Small files are written at once; larger ones by the
 * `apply-csv-import` function, whose progress `csvImport` reports.
 */
export async function applyImport(
  models: Models,
  input: ApplyCsvImportInput,
  actor: Actor,
  logger: Logger,
) {
  const found = await ownImport(models, input.importId, actor);
  const preview = found.preview as CsvPreview | null;
  if (found.status === 'applying' || found.status === 'applied') return viewOf(found);
  if (found.status !== 'previewed' || !preview)
    throw conflict('Preview the file before applying it');
  if (preview.errors.length > 0) {
    throw conflict(
      `The file has ${preview.errors.length + preview.moreErrors} errors: fix them and upload it again`,
    );
  }
  const started = await models.CsvImport.findOneAndUpdate(
    { _id: found._id, status: 'previewed' },
    { $set: { status: 'applying' } },
    { returnDocument: 'after' },
  ).lean();
  if (!started) return viewOf(await ownImport(models, input.importId, actor));
  if (preview.rows > inlineApplyRows) {
    try {
      await sendEvent('product', csvImportRequested, { importId: input.importId });
    } catch (error) {
      // No engine took it: nothing was written, so the import can be applied again later.
      logger.warn({ err: error, importId: input.importId }, 'CSV import not queued');
      await models.CsvImport.updateOne(
        { _id: found._id, status: 'applying', done: 0 },
        { $set: { status: 'previewed' } },
      );
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message:
          'The background worker did not take the import; nothing was changed. Try again in a minute.',
      });
    }
    return viewOf(started);
  }
  for (;;) {
    const progress = await applyNextChunk(models, input.importId, logger);
    if (progress.finished) break;
  }
  return viewOf(await ownImport(models, input.importId, actor));
}

/**
 * Writes the next chunk of an applying import and records how far it got, in one conditional
 * update on `done`: a chunk that ran twice (a step retried after a crash) pushes its results
 * once, and its writes find the rows already applied.
 */
export async function applyNextChunk(models: Models, importId: string, logger: Logger) {
  const found = await models.CsvImport.findById(importId).lean();
  if (!found) throw notFound(importId);
  if (found.status !== 'applying') return { finished: true, done: found.done, total: found.total };
  const actor = { id: found.createdById, email: found.createdByEmail };
  const start = found.done;
  let results: RowResult[];
  let end: number;
  if (found.kind === 'products') {
    const groups = productGroupsOf(textOf(found), []);
    end = Math.min(groups.length, start + groupsPerChunk);
    const errors: { line: number; column: string; message: string }[] = [];
    const plans = await planProductGroups(
      models,
      groups.slice(start, end),
      await loadCategories(),
      errors,
    );
    results = await applyProductPlans(models, plans, importId, actor, logger);
    for (const error of errors) {
      results.push({
        line: error.line,
        handle: '',
        sku: '',
        outcome: 'failed',
        message: `${error.column}: ${error.message}`,
      });
    }
  } else {
    const records = readCsv(textOf(found), stockCsvColumns).records;
    const plans = await planStockRows(models, records, []);
    end = plans.length;
    results = await applyStockPlans(models, plans.slice(start), importId, actor, logger);
  }
  const finished = end >= found.total;
  await models.CsvImport.updateOne(
    { _id: found._id, done: start, status: 'applying' },
    {
      $push: { results: { $each: results.sort((a, b) => a.line - b.line) } },
      $set: { done: end, ...(finished ? { status: 'applied', appliedAt: new Date() } : {}) },
    },
  );
  return { finished, done: end, total: found.total };
}

export async function markFailed({ CsvImport }: Models, importId: string, message: string) {
  await CsvImport.updateOne(
    { _id: importId, status: 'applying' },
    { $set: { status: 'failed', error: message } },
  );
}

export async function importView(models: Models, importId: string, actor: Actor) {
  return viewOf(await ownImport(models, importId, actor, false));
}

/** Every row's outcome as CSV: line, handle, sku, outcome, message. */
export async function importReport(models: Models, importId: string, actor: Actor) {
  const found = await ownImport(models, importId, actor, false);
  const preview = found.preview as CsvPreview | null;
  const rows =
    found.results.length > 0
      ? found.results.map((row) => [
          String(row.line),
          row.handle,
          row.sku,
          row.outcome,
          row.message,
        ])
      : (preview?.errors ?? []).map((error) => [
          String(error.line),
          '',
          '',
          'error',
          `${error.column}: ${error.message}`,
        ]);
  return {
    fileName: `${found.fileName.replace(/\.csv$/i, '')}-report.csv`,
    text: '\uFEFF' + stringify([['line', 'handle', 'sku', 'outcome', 'message'], ...rows]),
  };
}

function viewOf(found: {
  _id: Types.ObjectId;
  kind: CsvImportKind;
  fileName: string;
  status: CsvImportView['status'];
  preview?: unknown;
  done: number;
  total: number;
  results: { outcome: string }[];
  error?: string | null;
  createdByEmail: string;
  createdAt: Date;
}): CsvImportView {
  const preview = (found.preview ?? null) as CsvPreview | null;
  const count = (outcome: string) => found.results.filter((row) => row.outcome === outcome).length;
  return {
    id: found._id.toString(),
    kind: found.kind,
    fileName: found.fileName,
    status: found.status,
    preview,
    done: found.done,
    total: found.total,
    outcome: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('failed'),
    },
    background: (preview?.rows ?? 0) > inlineApplyRows,
    error: found.error ?? null,
    createdByEmail: found.createdByEmail,
    createdAt: found.createdAt.toISOString(),
  };
}
