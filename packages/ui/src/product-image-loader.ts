/** Widths the product cell stores for each uploaded image (cells/product/media-image-processing.ts). */
export const uploadedImageWidths = [320, 640, 960, 1600] as const;

/** Uploaded images are served by both apps at `/media/product/<id>`; other URLs are left as they are. */
export function isUploadedProductImage(url: string): boolean {
  return /^\/media\/product\/[0-9a-f]{32}$/.test(url);
}

/**
 * A `next/image` loader: `<Image loader={productImageLoader} ...>` asks for `?w=<width>` and the
 * app's route answers the stored width nearest above it, so Next's own optimiser is not needed.
 */
export function productImageLoader({ src, width }: { src: string; width: number }): string {
  return isUploadedProductImage(src) ? `${src}?w=${width}` : src;
}

/** The `srcset` of an uploaded image: every stored width, so the browser picks what it needs. */
export function productImageSrcSet(src: string): string | undefined {
  if (!isUploadedProductImage(src)) return undefined;
  return uploadedImageWidths.map((width) => `${src}?w=${width} ${width}w`).join(', ');
}
