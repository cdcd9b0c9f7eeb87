import type { Metadata } from 'sharp';
import { sniffImageType } from './image-sniffing';
import { MediaRefusal } from './upload-refusal';

/** What an uploaded picture may be: checked before anything is decoded. */
export interface ImageLimits {
  maxBytes: number;
  /** Checked from the header: a small file can declare a huge picture. */
  maxPixels: number;
  minSide: number;
}

export interface ProcessedImage<Width extends number = number> {
  /** The picture's size once turned upright (EXIF orientation applied). */
  width: number;
  height: number;
  /** One WebP per width asked for; never wider than the original. */
  renditions: { width: Width; bytes: Buffer }[];
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const unreadable = () =>
  new MediaRefusal(415, 'This image is damaged or incomplete and cannot be read.');

/**
 * Checks an uploaded image and makes its sizes (product images, review photos). The type is
 * sniffed from the bytes and must agree with what libvips finds; size and pixel count are capped
 * before decoding. Output is re-encoded WebP, turned upright, in sRGB and without any metadata:
 * sharp drops EXIF (GPS position, camera serial), XMP and IPTC unless told to keep them, and
 * nothing here tells it to.
 */
export async function processUploadedImage<Width extends number>(
  bytes: Buffer,
  limits: ImageLimits,
  widths: readonly Width[],
): Promise<ProcessedImage<Width>> {
  if (bytes.byteLength === 0) throw new MediaRefusal(400, 'The file is empty.');
  if (bytes.byteLength > limits.maxBytes) {
    throw new MediaRefusal(
      413,
      `The file is larger than ${megabytes(limits.maxBytes)}; use a smaller photo.`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new MediaRefusal(
      415,
      'This file is not a JPEG, PNG or WebP image (its contents were checked, not its name).',
    );
  }
  // Imported with the first image, not when a cell loads: sharp and libvips cost a host 0.13 s
  // of CPU at start that most of its requests never use.
  const { default: sharp } = await import('sharp');
  const options = { limitInputPixels: limits.maxPixels, failOn: 'error' } as const;
  let metadata: Metadata;
  try {
    // Header only, so no pixel limit here: the size it declares is checked just below.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (metadata.format !== type || !metadata.width || !metadata.height) throw unreadable();
  if (metadata.width * metadata.height > limits.maxPixels) {
    throw new MediaRefusal(
      413,
      `The picture is ${metadata.width} x ${metadata.height} pixels; at most ${limits.maxPixels / 1_000_000} megapixels are accepted.`,
    );
  }
  if (Math.min(metadata.width, metadata.height) < limits.minSide) {
    throw new MediaRefusal(
      400,
      `The picture is ${metadata.width} x ${metadata.height} pixels; each side needs at least ${limits.minSide}.`,
    );
  }
  try {
    const renditions = await Promise.all(
      widths.map(async (width) => ({
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
    throw unreadable();
  }
}
