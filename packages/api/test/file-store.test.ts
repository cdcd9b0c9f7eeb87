import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../src/files/file-store';
import { fileStoreFor } from '../src/files/file-store-for-cell';
import { localFolderStore } from '../src/files/local-folder-store';
import { s3Store } from '../src/files/s3-store';
import { startS3StandIn, type S3StandIn } from './support/s3-stand-in';

let folder: string;
let s3: S3StandIn;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shop-files-'));
  s3 = await startS3StandIn();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await s3?.close();
});

const stores: [string, (cell: string) => FileStore][] = [
  ['local folder', (cell) => localFolderStore(folder, cell)],
  [
    'S3 (s3rver)',
    (cell) =>
      s3Store(
        {
          bucket: s3.bucket,
          region: 'us-east-1',
          endpoint: s3.endpoint,
          forcePathStyle: true,
          credentials: s3.credentials,
        },
        cell,
      ),
  ],
];

describe.each(stores)('file store: %s', (_name, storeFor) => {
  it('reads back what was put, with its type and size, and forgets it when deleted', async () => {
    const store = storeFor('product');
    await store.put('images/abc/640.webp', new TextEncoder().encode('pixels'), 'image/webp');
    const file = await store.get('images/abc/640.webp');
    expect(file?.contentType).toBe('image/webp');
    expect(file?.size).toBe(6);
    expect(await text(file!.body)).toBe('pixels');

    await store.delete('images/abc/640.webp');
    expect(await store.get('images/abc/640.webp')).toBeNull();
    await store.delete('images/abc/640.webp'); // deleting again is fine
  });

  it('keeps each cell to its own prefix', async () => {
    await storeFor('product').put('a/1.json', new TextEncoder().encode('{}'), 'application/json');
    expect(await storeFor('review').get('a/1.json')).toBeNull();
    expect(await storeFor('product').get('a/1.json')).not.toBeNull();
  });

  it('refuses keys that could leave the prefix', async () => {
    const store = storeFor('product');
    for (const key of ['../auth/keys.json', '/etc/passwd', 'a/../../b', 'a\\b', 'A/B', '']) {
      await expect(store.put(key, new Uint8Array(1), 'text/plain')).rejects.toThrow(
        /not a valid file key/,
      );
      await expect(store.get(key)).rejects.toThrow(/not a valid file key/);
    }
  });
});

describe('fileStoreFor', () => {
  it('defaults to a local folder per cell', async () => {
    const store = fileStoreFor('product', {
      FILES_STORE: 'local',
      FILES_LOCAL_DIR: folder,
      FILES_S3_REGION: 'auto',
      FILES_S3_FORCE_PATH_STYLE: false,
    });
    await store.put('x/y.png', new Uint8Array([1, 2]), 'image/png');
    expect(await readdir(path.join(folder, 'product', 'x'))).toEqual(['y.png']);
  });

  it('uses S3 when configured, under the cell prefix in the bucket', async () => {
    const store = fileStoreFor('review', {
      FILES_STORE: 's3',
      FILES_S3_BUCKET: s3.bucket,
      FILES_S3_REGION: 'us-east-1',
      FILES_S3_ENDPOINT: s3.endpoint,
      FILES_S3_FORCE_PATH_STYLE: true,
      FILES_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      FILES_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    });
    await store.put('photos/p1.webp', new Uint8Array([9]), 'image/webp');
    const direct = s3Store(
      {
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: s3.credentials,
      },
      'review',
    );
    expect((await direct.get('photos/p1.webp'))?.size).toBe(1);
  });

  it('names the missing bucket and half-given credentials', () => {
    const base = { FILES_S3_REGION: 'auto', FILES_S3_FORCE_PATH_STYLE: false } as const;
    expect(() => fileStoreFor('product', { ...base, FILES_STORE: 's3' })).toThrow(
      /FILES_S3_BUCKET/,
    );
    expect(() =>
      fileStoreFor('product', {
        ...base,
        FILES_STORE: 's3',
        FILES_S3_BUCKET: 'b',
        FILES_S3_ACCESS_KEY_ID: 'only-one',
      }),
    ).toThrow(/set both or neither/);
  });
});
