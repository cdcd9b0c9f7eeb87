import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import { templateLanguages } from './template-override-model';

/**
 * The language an account's emails are written in, as the user cell last announced it
 * (`user/language.chosen`). Kept here so a send never waits on the user cell. `changedAt` is
 * the user cell's time of the change: a late, older event does not overwrite a newer choice.
 * No row: the shop's default language.
 */
export const recipientLanguageSchema = new Schema(
  {
    accountId: { type: String, required: true },
    language: { type: String, enum: templateLanguages, required: true },
    changedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
recipientLanguageSchema.index({ accountId: 1 }, { unique: true });

export type RecipientLanguage = InferSchemaType<typeof recipientLanguageSchema>;

export function recipientLanguageModel(connection: Connection) {
  return connection.model('RecipientLanguage', recipientLanguageSchema);
}
