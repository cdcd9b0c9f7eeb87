import type { IncomingMessage } from 'node:http';

/** A provider's batch is a few KiB; far more is not a bounce report. */
export const maxWebhookBodyBytes = 256 * 1024;

/**
 * The raw body of a provider's webhook as text (signatures are computed over the exact bytes),
 * or null as soon as it grows past the limit.
 */
export async function readWebhookBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).byteLength;
    if (total > maxWebhookBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
