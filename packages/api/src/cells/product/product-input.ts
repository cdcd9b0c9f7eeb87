import { productStatuses } from '@shop/db/product';
import { z } from 'zod';
import { collectionInput, minorUnitsInput, objectIdInput, skuInput, slugInput } from './inputs';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Image URLs: a site path (`/images/...`) or an https URL; never `javascript:` and friends. */
const imageUrl = z
  .string()
  .max(500)
  .refine(
    (url) => /^\/[^/\\]/.test(url) || /^https:\/\/[^\s]+$/.test(url),
    'must be a site path or an https URL',
  );

const variantInput = z
  .object({
    sku: skuInput,
    optionValues: z.array(text(60)).max(3).default([]),
    priceMinor: minorUnitsInput.min(1),
    compareAtPriceMinor: minorUnitsInput.nullish(),
    imageIndex: z.number().int().min(0).max(19).default(0),
    /** Units on hand when the SKU is created; later changes go through adjustStock. */
    onHand: z.number().int().min(0).max(1_000_000).optional(),
    lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type VariantInput = z.output<typeof variantInput>;

/** Every field of a product staff can set; `create` requires some, `update` takes any subset. */
const productFields = {
  slug: slugInput,
  name: text(200),
  description: z.string().trim().max(5000),
  brand: text(100),
  status: z.enum(productStatuses),
  categorySlugs: z.array(slugInput).min(1).max(10),
  collections: z.array(collectionInput).max(3),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  options: z
    .array(z.object({ name: text(50), values: z.array(text(60)).min(1).max(50) }).strict())
    .max(3),
  variants: z.array(variantInput).min(1).max(250),
  images: z.array(z.object({ url: imageUrl, alt: text(300) }).strict()).max(20),
  attributes: z.array(z.object({ name: text(50), value: text(200) }).strict()).max(50),
  seo: z
    .object({ title: z.string().trim().max(120), description: z.string().trim().max(320) })
    .partial()
    .strict(),
};

export const createProductInput = z
  .object({
    ...productFields,
    description: productFields.description.default(''),
    status: productFields.status.default('draft'),
    collections: productFields.collections.default([]),
    currency: productFields.currency.default('EUR'),
    options: productFields.options.default([]),
    images: productFields.images.default([]),
    attributes: productFields.attributes.default([]),
    seo: productFields.seo.default({}),
  })
  .strict()
  .superRefine((product, context) => checkVariants(product, context));
export type CreateProductInput = z.output<typeof createProductInput>;

export const updateProductInput = z
  .object({
    id: objectIdInput,
    changes: z.object(productFields).partial().strict(),
  })
  .strict();
export type ProductChanges = z.output<typeof updateProductInput>['changes'];

/**
 * Variants must fit the options (one value per option, each a listed value, no two alike),
 * SKUs must be unique, an image index must point at an image, and a compare-at price must be
 * above the price. Also run on the merged result of an update.
 */
export function checkVariants(
  product: {
    options?: { name: string; values: string[] }[];
    variants?: VariantInput[];
    images?: unknown[];
  },
  context: z.RefinementCtx,
): void {
  const options = product.options ?? [];
  const variants = product.variants ?? [];
  const imageCount = product.images?.length ?? 0;
  const skus = new Set<string>();
  const combinations = new Set<string>();
  variants.forEach((variant, index) => {
    const path = ['variants', index];
    if (skus.has(variant.sku)) {
      context.addIssue({ code: 'custom', path: [...path, 'sku'], message: 'SKU repeated' });
    }
    skus.add(variant.sku);
    if (variant.optionValues.length !== options.length) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'optionValues'],
        message: `needs one value per option (${options.length})`,
      });
    } else {
      variant.optionValues.forEach((value, optionIndex) => {
        if (!options[optionIndex]?.values.includes(value)) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'optionValues', optionIndex],
            message: `"${value}" is not a value of ${options[optionIndex]?.name ?? 'the option'}`,
          });
        }
      });
    }
    const combination = JSON.stringify(variant.optionValues);
    if (combinations.has(combination)) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'optionValues'],
        message: 'two variants have the same option values',
      });
    }
    combinations.add(combination);
    if (variant.imageIndex > 0 && variant.imageIndex >= imageCount) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'imageIndex'],
        message: 'points past the images',
      });
    }
    if (variant.compareAtPriceMinor != null && variant.compareAtPriceMinor <= variant.priceMinor) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'compareAtPriceMinor'],
        message: 'must be above the price',
      });
    }
  });
}
