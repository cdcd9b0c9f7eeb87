import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { slugField } from '../schema-fields/slug-field';

export const categorySchema = new Schema(
  {
    slug: slugField(),
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    /** The parent category's slug; null at the top of the tree. */
    parentSlug: { type: String, default: null },
    /**
     * Slugs from the root down to (not including) this category, so breadcrumbs and "everything
     * under X" are one read. The product cell rewrites it when a category moves.
     */
    ancestorSlugs: { type: [String], default: [] },
    /** Display order among siblings, smallest first. */
    position: { type: Number, default: 0 },
  },
  { timestamps: true },
);
categorySchema.index({ slug: 1 }, { unique: true });
categorySchema.index({ parentSlug: 1, position: 1 });
categorySchema.index({ ancestorSlugs: 1 });

export type Category = InferSchemaType<typeof categorySchema>;
export type CategoryDocument = HydratedDocument<Category>;

export function categoryModel(connection: Connection) {
  return connection.model('Category', categorySchema);
}
