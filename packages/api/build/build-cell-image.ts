/**
 * `pnpm --filter @shop/api build:cell-image <outDirectory>`: writes what the cell image's
 * runtime stage copies to /app (see infra/docker/cell.Dockerfile and cell-image-files.ts).
 */
import { resolve } from 'node:path';
import { buildCellImageFiles } from './cell-image-files';

const outDirectory = process.argv[2];
if (!outDirectory) {
  console.error('usage: build-cell-image <outDirectory>');
  process.exit(2);
}
const built = await buildCellImageFiles(resolve(outDirectory));
const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);
process.stdout.write(
  `cell image files: ${built.files.length} files, ${megabytes(built.bytes)} MB ` +
    `(bundle ${megabytes(built.bundleBytes)} MB) in ${outDirectory}\n`,
);
