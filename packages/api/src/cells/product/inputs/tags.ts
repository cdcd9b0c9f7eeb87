import { z } from 'zod';

export const maxTagsPerProduct = 20;
export const maxTagLength = 40;

/**
 * One product tag as rules match it: NFC, lower-case, inner spaces collapsed, so "Summer ",
 * "summer" and "SUMMER" are one tag. Letters, digits, spaces and hyphens only: a tag is shown
 * to staff and compared literally, never used as a pattern.
 */
export const tagInput = z
  .string()
  .transform((tag) => tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: 'a tag cannot be empty' })
      .max(maxTagLength, { error: `a tag is at most ${maxTagLength} characters` })
      .regex(/^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u, {
        error: 'a tag is letters and digits, with single spaces or hyphens between words',
      }),
  );

/** A product's tags: normalised, duplicates dropped (after normalising), at most 20. */
export const tagsInput = z
  .array(tagInput)
  .max(maxTagsPerProduct, { error: `at most ${maxTagsPerProduct} tags` })
  .transform((tags) => [...new Set(tags)]);
