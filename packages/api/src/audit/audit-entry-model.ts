import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * One staff change, in the database of the cell that owns the changed data (`audit_log`). Entries
 * are only ever inserted; `seq` numbers a chain (one per cell) from 1, and `hash` covers the whole
 * entry with `prevHash`, the hash of entry `seq - 1` (see entry-hash.ts).
 */
export const auditEntrySchema = new Schema(
  {
    chain: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: {
      accountId: { type: String, required: true },
      email: { type: String, default: null },
    },
    roles: { type: [String], default: [] },
    /** `cell.action`, e.g. `product.update`. */
    procedure: { type: String, required: true },
    objectType: { type: String, required: true },
    objectIds: { type: [String], default: [] },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    /** The input with secrets and personal fields redacted, when no before/after was given. */
    input: { type: Schema.Types.Mixed, default: null },
    requestId: { type: String, default: null },
    clientAddress: { type: String, default: null },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  // minimize off: an empty object in before/after is kept as hashed.
  { collection: 'audit_log', versionKey: false, minimize: false },
);
// One entry per position: of two writers taking the same seq, the second gets a duplicate key
// and retries on the new head, so the chain stays linear.
auditEntrySchema.index({ chain: 1, seq: 1 }, { unique: true });
auditEntrySchema.index({ chain: 1, at: -1 });
auditEntrySchema.index({ chain: 1, 'actor.accountId': 1, seq: -1 });
auditEntrySchema.index({ chain: 1, objectType: 1, objectIds: 1, seq: -1 });

export type AuditEntry = InferSchemaType<typeof auditEntrySchema>;
export type AuditEntryModel = Model<AuditEntry>;

export function auditEntryModel(connection: Connection): AuditEntryModel {
  return (
    (connection.models.AuditEntry as AuditEntryModel | undefined) ??
    connection.model<AuditEntry>('AuditEntry', auditEntrySchema)
  );
}
