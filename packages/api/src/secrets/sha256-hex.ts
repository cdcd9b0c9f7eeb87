import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a text as hex: what a cell stores in place of a secret it must recognise later
 * (a guest's cart token, an order's access token, a one-time link token), so a leaked database
 * holds nothing that can be replayed.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
