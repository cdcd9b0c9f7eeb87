import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Which run holds a function's idempotency key: the sender's event `id` (or the executor's own
 * event id), or the function's `idempotency` expression. The real engine keys runs the same way,
 * `hash(function id) - hash(key)`, for 24 hours (`idempotencyKey` in executor.go).
 */
export interface RunKeyDocument {
  /** `<function id>\n<key>`. */
  key: string;
  runId: string;
  expiresAt: Date;
}

const runKeySchema = new Schema<RunKeyDocument>(
  {
    key: { type: String, required: true, unique: true },
    runId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'run_keys', versionKey: false },
);
// A real MongoDB drops expired keys by itself; the retention pass does it everywhere else.
runKeySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type RunKeyModel = Model<RunKeyDocument>;

export function runKeyModel(connection: Connection): RunKeyModel {
  return connection.model<RunKeyDocument>('RunKey', runKeySchema);
}
