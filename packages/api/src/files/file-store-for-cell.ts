import { fileURLToPath } from 'node:url';
import type { Domain } from '../domains';
import { hostConfig, type HostConfig } from '../config/host';
import type { FileStore } from './file-store';
import { localFolderStore } from './local-folder-store';
import { s3Store } from './s3-store';

/** `.data/files` at the repository root, beside the development database. */
export const defaultLocalFilesDir = fileURLToPath(
  new URL('../../../../.data/files', import.meta.url),
);

type FilesConfig = Pick<
  HostConfig,
  | 'FILES_STORE'
  | 'FILES_LOCAL_DIR'
  | 'FILES_S3_BUCKET'
  | 'FILES_S3_REGION'
  | 'FILES_S3_ENDPOINT'
  | 'FILES_S3_FORCE_PATH_STYLE'
  | 'FILES_S3_ACCESS_KEY_ID'
  | 'FILES_S3_SECRET_ACCESS_KEY'
>;

/**
 * The store a cell keeps its files in, chosen by configuration (`FILES_STORE`): S3-compatible
 * object storage, or by default a local folder. Either way the cell sees only its own prefix.
 */
export function fileStoreFor(cell: Domain, config: FilesConfig = hostConfig()): FileStore {
  if (config.FILES_STORE === 'local') {
    return localFolderStore(config.FILES_LOCAL_DIR ?? defaultLocalFilesDir, cell);
  }
  if (!config.FILES_S3_BUCKET) throw new Error('FILES_S3_BUCKET: required with FILES_STORE=s3');
  const accessKeyId = config.FILES_S3_ACCESS_KEY_ID;
  const secretAccessKey = config.FILES_S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY: set both or neither');
  }
  return s3Store(
    {
      bucket: config.FILES_S3_BUCKET,
      region: config.FILES_S3_REGION,
      endpoint: config.FILES_S3_ENDPOINT,
      forcePathStyle: config.FILES_S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
    cell,
  );
}
