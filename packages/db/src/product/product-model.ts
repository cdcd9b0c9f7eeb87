import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';
import { slugField } from '../schema-fields/slug-field';

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

export const productSchema = new Schema(
  {
    slug: slugField(),
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    categorySlugs: { type: [String], default: [] },
    brand: { type: String, required: true, trim: true },
    priceMinor: minorUnitsField(),
    currency: currencyField(),
    imageUrl: { type: String },
    imageAlt: { type: String },
    status: { type: String, enum: productStatuses, required: true, default: 'draft' },
    /** Units on hand; reservations for pending orders are the order saga's concern. */
    stock: {
      type: Number,
      required: true,
      default: 0,
      min: 0,
      validate: { validator: Number.isInteger, message: 'stock must be a whole number' },
    },
  },
  { timestamps: true },
);
productSchema.index({ slug: 1 }, { unique: true });
// Category listings: active products of a category.
productSchema.index({ status: 1, categorySlugs: 1 });
// Sorting and filtering by price within a status.
productSchema.index({ status: 1, priceMinor: 1 });

export type Product = InferSchemaType<typeof productSchema>;
export type ProductDocument = HydratedDocument<Product>;

export function productModel(connection: Connection) {
  return connection.model('Product', productSchema);
}
