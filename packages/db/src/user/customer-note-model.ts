import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** Length cap shared with the user cell's input validation. */
export const customerNoteLimits = { body: 2000 } as const;

/**
 * A note staff keep about a customer ("prefers delivery after 5 pm", "refunded a damaged lamp by
 * goodwill"). Append-only: a correction is a new note. `_id` is derived from the customer and the
 * form's request key (see the user cell), so a retried save stores one note.
 */
export const customerNoteSchema = new Schema(
  {
    accountId: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true, maxlength: customerNoteLimits.body },
    /** Who wrote it, as they were named when they wrote it. */
    author: {
      accountId: { type: String, required: true },
      name: { type: String, default: '' },
      email: { type: String, required: true },
    },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
customerNoteSchema.index({ accountId: 1, createdAt: -1 });

export type CustomerNote = InferSchemaType<typeof customerNoteSchema>;

export function customerNoteModel(connection: Connection) {
  return connection.model('CustomerNote', customerNoteSchema);
}
