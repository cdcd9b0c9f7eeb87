import { TRPCError } from '@trpc/server';

/** A problem with one field, shaped like a zod issue so the admin shows it at that field. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** What a product must have before shoppers can see it: the storefront's page needs each. */
export interface PublishableFields {
  name: string;
  brand: string;
  description: string;
  categorySlugs: readonly string[];
  variants: readonly { priceMinor: number }[];
  images: readonly { alt: string }[];
}

/**
 * Why a product cannot be active yet, one issue per missing field (empty when it can). Images
 * are not required (the storefront draws demo art for a product without one) but each image
 * needs its alt text, which the schema already demands.
 */
export function publishIssues(product: PublishableFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!product.name.trim()) issues.push({ path: ['name'], message: 'a name is needed to publish' });
  if (!product.brand.trim()) {
    issues.push({ path: ['brand'], message: 'a brand is needed to publish' });
  }
  if (product.description.trim().length < 20) {
    issues.push({
      path: ['descriptionHtml'],
      message: 'a description of at least 20 characters is needed to publish',
    });
  }
  if (product.categorySlugs.length === 0) {
    issues.push({ path: ['categorySlugs'], message: 'a category is needed to publish' });
  }
  if (product.variants.length === 0 || product.variants.some((variant) => variant.priceMinor < 1)) {
    issues.push({ path: ['variants'], message: 'every variant needs a price to publish' });
  }
  product.images.forEach((image, index) => {
    if (!image.alt.trim()) {
      issues.push({ path: ['images', index, 'alt'], message: 'alt text is needed to publish' });
    }
  });
  return issues;
}

/** A 400 whose issues the admin shows at each field (the error formatter passes them on). */
export function invalidFields(issues: FieldIssue[]): TRPCError {
  const cause = Object.assign(new Error('invalid fields'), { issues });
  return new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input', cause });
}
