import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const messageStatuses = ['queued', 'sent', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const messageSchema = new Schema(
  {
    to: { type: String, required: true, trim: true, lowercase: true },
    /** Template id, e.g. `order-confirmed`. */
    template: { type: String, required: true },
    subject: { type: String, required: true },
    status: { type: String, enum: messageStatuses, required: true, default: 'queued' },
    attempts: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: true },
);
messageSchema.index({ status: 1, createdAt: 1 });
messageSchema.index({ to: 1, createdAt: -1 });

export type Message = InferSchemaType<typeof messageSchema>;
export type MessageDocument = HydratedDocument<Message>;

export function messageModel(connection: Connection) {
  return connection.model('Message', messageSchema);
}
