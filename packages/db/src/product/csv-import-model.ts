import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const csvImportKinds = ['products', 'stock'] as const;
export type CsvImportKind = (typeof csvImportKinds)[number];

/**
 * `uploading` while its parts arrive, `previewed` after the dry run, `applying` while the rows
 * are written (in the background for large files), then `applied` or `failed`.
 */
export const csvImportStatuses = [
  'uploading',
  'previewed',
  'applying',
  'applied',
  'failed',
] as const;
export type CsvImportStatus = (typeof csvImportStatuses)[number];

const rowResultSchema = new Schema(
  {
    line: { type: Number, required: true },
    handle: { type: String, default: '' },
    sku: { type: String, default: '' },
    outcome: { type: String, required: true },
    message: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * One CSV file a staff member uploaded, its dry run and, once applied, its progress and result.
 * The text is kept (at most 8 MiB, in parts of up to 256 KiB) so the background function reads
 * exactly what was previewed.
 */
export const csvImportSchema = new Schema(
  {
    kind: { type: String, enum: csvImportKinds, required: true },
    fileName: { type: String, required: true },
    status: { type: String, enum: csvImportStatuses, required: true, default: 'uploading' },
    partCount: { type: Number, required: true, min: 1 },
    parts: { type: [String], default: [] },
    createdById: { type: String, required: true },
    createdByEmail: { type: String, required: true },
    /** The dry run's counts and findings (JSON: the shape is the cell's `CsvPreview`). */
    preview: { type: Schema.Types.Mixed, default: null },
    /** Product groups (or stock rows) written so far, and how many there are in all. */
    done: { type: Number, default: 0 },
    total: { type: Number, default: 0 },
    results: { type: [rowResultSchema], default: [] },
    error: { type: String, default: null },
    appliedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
csvImportSchema.index({ createdAt: -1 });

export type CsvImport = InferSchemaType<typeof csvImportSchema>;
export type CsvImportDocument = HydratedDocument<CsvImport>;

export function csvImportModel(connection: Connection) {
  return connection.model('CsvImport', csvImportSchema);
}
