import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import { supportedLanguages } from '../user/preferences';

/** The languages an email template can be worded in: those the shop offers shoppers. */
export const templateLanguages = supportedLanguages;
export type TemplateLanguage = (typeof templateLanguages)[number];

/**
 * Staff's wording of one email template in one language: the subject and the editable text
 * blocks (by key). Only plain text, checked by the notification cell before it is stored; the
 * template's fixed parts are not here and cannot be. Absent: the template's own text.
 */
export const templateOverrideSchema = new Schema(
  {
    template: { type: String, required: true },
    language: { type: String, enum: templateLanguages, required: true },
    subject: { type: String, default: null, maxlength: 200 },
    blocks: { type: Map, of: String, default: {} },
    updatedBy: { type: String, required: true },
  },
  { timestamps: true },
);
templateOverrideSchema.index({ template: 1, language: 1 }, { unique: true });

export type TemplateOverride = InferSchemaType<typeof templateOverrideSchema>;

export function templateOverrideModel(connection: Connection) {
  return connection.model('TemplateOverride', templateOverrideSchema, 'template_overrides');
}
