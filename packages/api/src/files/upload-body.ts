import type { IncomingMessage } from 'node:http';
import { MediaRefusal } from './upload-refusal';

/** An upload's body, or a 413 refusal as soon as it grows past the limit (memory stays bounded). */
export async function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () =>
    new MediaRefusal(
      413,
      `The file is larger than ${maxBytes / 1024 / 1024} MB; use a smaller photo.`,
    );
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
