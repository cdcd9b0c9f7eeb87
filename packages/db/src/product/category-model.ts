import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { slugField } from '../schema-fields/slug-field';

export const categorySchema = new Schema(
  {
    slug: slugField(),
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    /** Display order in navigation, smallest first. */
    position: { type: Number, default: 0 },
  },
  { timestamps: true },
);
categorySchema.index({ slug: 1 }, { unique: true });
categorySchema.index({ position: 1 });

export type Category = InferSchemaType<typeof categorySchema>;
export type CategoryDocument = HydratedDocument<Category>;

export function categoryModel(connection: Connection) {
  return connection.model('Category', categorySchema);
}
