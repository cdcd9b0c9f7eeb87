import type { IncomingMessage } from 'node:http';

/**
 * The request body exactly as sent (webhook signatures are computed over these bytes), or null
 * once it grows past `maxBytes`.
 */
export async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    total += bytes.byteLength;
    if (total > maxBytes) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
