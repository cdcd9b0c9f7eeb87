import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/** The predecessor hash of a chain's first entry. */
export const genesisHash = '0'.repeat(64);

/** Everything an entry's hash covers (all of the entry but its own hash and database id). */
export interface HashedEntry {
  chain: string;
  seq: number;
  /** ISO 8601, milliseconds: what MongoDB keeps of a Date. */
  at: string;
  actor: { accountId: string; email: string | null };
  roles: string[];
  procedure: string;
  objectType: string;
  objectIds: string[];
  before: JsonValue;
  after: JsonValue;
  input: JsonValue;
  requestId: string | null;
  clientAddress: string | null;
  prevHash: string;
}

/** SHA-256 (hex) of the entry's canonical JSON, its predecessor's hash included. */
export function entryHash(entry: HashedEntry): string {
  const fields: { [key: string]: JsonValue } = { ...entry };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
