import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { assertFileKey, type FileStore, type StoredFile } from './file-store';

/** The local store keeps no metadata, so the type follows the key's extension. */
const typeByExtension: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.avif': 'image/avif',
  '.json': 'application/json',
};

/**
 * Files in a folder on this machine (`<root>/<cell>/<key>`): the default when no object storage
 * is configured. Fine for one process; several replicas need a shared volume or S3.
 */
export function localFolderStore(root: string, cell: string): FileStore {
  const folder = path.resolve(root, cell);
  const pathOf = (key: string) => {
    assertFileKey(key);
    return path.join(folder, ...key.split('/'));
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside, then rename: a reader never sees a half-written file.
      const partial = `${target}.${randomUUID()}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, target);
    },
    async get(key): Promise<StoredFile | null> {
      const source = pathOf(key);
      try {
        const info = await stat(source);
        if (!info.isFile()) return null;
        return {
          body: createReadStream(source),
          contentType: typeByExtension[path.extname(source)] ?? 'application/octet-stream',
          size: info.size,
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
