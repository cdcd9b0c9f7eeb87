import sharp, { type Metadata } from 'sharp';
import { sniffImageType } from './media-image-sniffing';
import { MediaRefusal } from './media-refusal';

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

export interface ProcessedImage {
  /** The picture's size once turned upright (EXIF orientation applied). */
  width: number;
  height: number;
  /** One WebP per width in `productImageWidths`; never wider than the original. */
  renditions: { width: ProductImageWidth; bytes: Buffer }[];
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks an uploaded image and makes the storefront's sizes. The type is sniffed from the bytes
 * and must agree with what libvips finds; size and pixel count are capped before decoding (a
 * small file can declare a huge picture). Output is re-encoded WebP, turned upright, in sRGB and
 * without any metadata: sharp drops EXIF (GPS position, camera serial), XMP and IPTC unless told
 * to keep them, and nothing here tells it to.
 */
export async function processProductImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) throw new MediaRefusal(400, 'The file is empty.');
  if (bytes.byteLength > productImageLimits.maxBytes) {
    throw new MediaRefusal(
      413,
      `The file is larger than ${megabytes(productImageLimits.maxBytes)}; use a smaller photo.`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new MediaRefusal(
      415,
      'This file is not a JPEG, PNG or WebP image (its contents were checked, not its name).',
    );
  }
  const options = { limitInputPixels: productImageLimits.maxPixels, failOn: 'error' } as const;
  let metadata: Metadata;
  try {
    // Header only, so no pixel limit here: the size it declares is checked just below.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRefusal(415, 'This image is damaged or incomplete and cannot be read.');
  }
  if (metadata.format !== type || !metadata.width || !metadata.height) {
    throw new MediaRefusal(415, 'This image is damaged or incomplete and cannot be read.');
  }
  if (metadata.width * metadata.height > productImageLimits.maxPixels) {
    throw new MediaRefusal(
      413,
      `The picture is ${metadata.width} x ${metadata.height} pixels; at most ${productImageLimits.maxPixels / 1_000_000} megapixels are accepted.`,
    );
  }
  if (Math.min(metadata.width, metadata.height) < productImageLimits.minSide) {
    throw new MediaRefusal(
      400,
      `The picture is ${metadata.width} x ${metadata.height} pixels; each side needs at least ${productImageLimits.minSide}.`,
    );
  }
  try {
    const renditions = await Promise.all(
      productImageWidths.map(async (width) => ({
        width,
        bytes: await sharp(bytes, options)
          .rotate() // upright by its EXIF orientation, before that tag is dropped with the rest
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer(),
      })),
    );
    // EXIF orientations 5 to 8 turn the picture a quarter: its width is the stored height.
    const turned = (metadata.orientation ?? 1) >= 5;
    return {
      width: turned ? metadata.height : metadata.width,
      height: turned ? metadata.width : metadata.height,
      renditions,
    };
  } catch {
    throw new MediaRefusal(415, 'This image is damaged or incomplete and cannot be read.');
  }
}
