import {
  processUploadedImage,
  type ProcessedImage as Processed,
} from '../../files/image-processing';

/** What an upload may be. Larger photos gain nothing on a product page and cost memory to decode. */
export const productImageLimits = {
  maxBytes: 15 * 1024 * 1024,
  /** 40 megapixels (e.g. 8000 x 5000): checked from the header, before anything is decoded. */
  maxPixels: 40_000_000,
  minSide: 100,
} as const;

/** The widths stored for the storefront (`srcset` / next/image's loader pick among them). */
export const productImageWidths = [320, 640, 960, 1600] as const;
export type ProductImageWidth = (typeof productImageWidths)[number];

export type ProcessedImage = Processed<ProductImageWidth>;

/**
 * Checks an uploaded product image and makes the storefront's sizes; the checks and the
 * stripping of metadata are the shared ones (files/image-processing.ts).
 */
export function processProductImage(bytes: Buffer): Promise<ProcessedImage> {
  return processUploadedImage(bytes, productImageLimits, productImageWidths);
}
