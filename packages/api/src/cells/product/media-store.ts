import { randomBytes } from 'node:crypto';
import type { FileStore, StoredFile } from '../../files/file-store';
import { fileStoreFor } from '../../files/file-store-for-cell';
import type { ProcessedImage } from './media-image-processing';
import { productImageWidths, type ProductImageWidth } from './media-image-processing';

let store: FileStore | undefined;

/** The product cell's files (its own prefix `product/`), from the host's configuration. */
export function productFiles(): FileStore {
  store ??= fileStoreFor('product');
  return store;
}

/** Tests point the cell at a store of their own. */
export function useProductFiles(files: FileStore | undefined): void {
  store = files;
}

/** Image ids are 32 hex digits, random: an unpublished product's image cannot be guessed. */
export const productImageIdPattern = /^[0-9a-f]{32}$/;

/** Where the apps serve an uploaded image (their `/media/product/[id]` route); the product keeps this. */
export const productImagePath = (id: string) => `/media/product/${id}`;

const keyOf = (id: string, width: ProductImageWidth) => `images/${id}/${width}.webp`;

/**
 * Stores every rendition under a new id. If one write fails the others are removed, so a failed
 * upload leaves nothing behind.
 */
export async function storeProductImage(image: ProcessedImage): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const files = productFiles();
  try {
    await Promise.all(
      image.renditions.map(({ width, bytes }) => files.put(keyOf(id, width), bytes, 'image/webp')),
    );
  } catch (error) {
    await Promise.allSettled(productImageWidths.map((width) => files.delete(keyOf(id, width))));
    throw error;
  }
  return id;
}

/** The stored width closest above the one asked for (the largest when none is), so `?w=` is free. */
export function renditionWidthFor(asked: number): ProductImageWidth {
  return productImageWidths.find((width) => width >= asked) ?? productImageWidths.at(-1)!;
}

export function readProductImage(id: string, width: ProductImageWidth): Promise<StoredFile | null> {
  return productFiles().get(keyOf(id, width));
}
