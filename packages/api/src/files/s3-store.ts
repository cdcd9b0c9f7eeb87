import { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { assertFileKey, type FileStore, type StoredFile } from './file-store';

export interface S3StoreOptions {
  bucket: string;
  /** `auto` for R2; the bucket's region for AWS. */
  region: string;
  /** Set for anything but AWS: R2, MinIO, GCS's XML API (`https://storage.googleapis.com`). */
  endpoint?: string;
  /** MinIO and most self-hosted servers want `bucket` in the path, not the host name. */
  forcePathStyle?: boolean;
  /** Unset: the SDK's default chain (environment, web identity, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

function isMissing(sdk: typeof S3Sdk, error: unknown): boolean {
  return (
    error instanceof sdk.NoSuchKey ||
    (error instanceof sdk.S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}

/**
 * Files in S3-compatible object storage, under `<cell>/` in one bucket: each cell its own prefix,
 * which a bucket policy can scope per cell's credentials.
 */
export function s3Store(options: S3StoreOptions, cell: string): FileStore {
  // The SDK is imported with the first file, not when the cell loads: 0.23 s of CPU at every
  // host's start, and in every test file, for a store most hosts use seldom or never.
  let connecting: Promise<{ sdk: typeof S3Sdk; client: S3Sdk.S3Client }> | undefined;
  const connect = () =>
    (connecting ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle ?? false,
        credentials: options.credentials,
      }),
    })));
  const objectKey = (key: string) => {
    assertFileKey(key);
    return `${cell}/${key}`;
  };
  return {
    async put(key, bytes, contentType) {
      const { sdk, client } = await connect();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
        }),
      );
    },
    async get(key): Promise<StoredFile | null> {
      const { sdk, client } = await connect();
      try {
        const answer = await client.send(
          new sdk.GetObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }),
        );
        if (!(answer.Body instanceof Readable)) throw new Error('S3 answered without a body');
        return {
          body: answer.Body,
          contentType: answer.ContentType ?? 'application/octet-stream',
          size: answer.ContentLength ?? 0,
        };
      } catch (error) {
        if (isMissing(sdk, error)) return null;
        throw error;
      }
    },
    async delete(key) {
      const { sdk, client } = await connect();
      await client.send(
        new sdk.DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }),
      );
    },
  };
}
