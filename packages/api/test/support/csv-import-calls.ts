import type { createCellClient } from '../../src/client';

type Client = ReturnType<typeof createCellClient>;

/** Uploads a CSV the way the admin does (parts of at most 262,144 characters) and previews it. */
export async function uploadAndPreview(
  client: Client,
  text: string,
  kind: 'products' | 'stock' = 'products',
  fileName = 'products.csv',
) {
  const partSize = 262_144;
  const parts: string[] = [];
  for (let start = 0; start < text.length || parts.length === 0; start += partSize) {
    parts.push(text.slice(start, start + partSize));
  }
  const { importId } = await client.product.startCsvImport.mutate({
    kind,
    fileName,
    partCount: parts.length,
  });
  for (const [index, part] of parts.entries()) {
    await client.product.uploadCsvImportPart.mutate({ importId, index, text: part });
  }
  return client.product.previewCsvImport.mutate({ importId });
}
