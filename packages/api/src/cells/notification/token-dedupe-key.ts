import { sha256Hex } from '../../secrets';

/** A token's hash identifies its email without keeping the token (a live credential). */
export function tokenDedupeKey(token: string): string {
  return `token:${sha256Hex(token)}`;
}
