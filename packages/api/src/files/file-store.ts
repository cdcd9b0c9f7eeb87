import type { Readable } from 'node:stream';

/** A stored file as read back: its bytes as a stream, its type and its length in bytes. */
export interface StoredFile {
  body: Readable;
  contentType: string;
  size: number;
}

/**
 * Where a cell keeps files (product images; review photos next). Each cell gets its own store,
 * scoped to its own prefix (`<cell>/`) so no cell reads or overwrites another's files. Keys are
 * relative paths such as `images/3f9c.../640.webp`, checked by `assertFileKey`.
 */
export interface FileStore {
  /** Writes the whole file; a reader sees the old file or the new one, never a part. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when there is none under that key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const keyPattern =
  /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)?(?:\/[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)?)*$/;

/**
 * Keys are lower-case path segments of letters, digits, `-` and `_` with at most one extension
 * each: no `..`, no leading `/`, no backslashes, so a key can never leave its cell's prefix on
 * disk or in a bucket, whoever built it.
 */
export function assertFileKey(key: string): void {
  if (key.length > 200 || !keyPattern.test(key)) {
    throw new Error(`not a valid file key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
