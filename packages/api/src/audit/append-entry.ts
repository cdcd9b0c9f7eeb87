import { isDuplicateKeyError } from '@shop/db/claims';
import type { Domain } from '../domains';
import { auditEntriesOf } from './audit-databases';
import { entryHash, genesisHash, type HashedEntry } from './entry-hash';

export type NewAuditEntry = Omit<HashedEntry, 'chain' | 'seq' | 'prevHash'>;

export interface AppendedEntry {
  chain: string;
  seq: number;
  hash: string;
}

/** Other processes appending to the same chain: each lost race costs one retry on the new head. */
const MAX_ATTEMPTS = 25;

/**
 * Appends in this process one at a time per chain, so the replicas' races (settled by the unique
 * `{ chain, seq }` index) are the only retries, and one process alone keeps a linear chain even
 * on a database that does not enforce unique indexes (the tests' stand-in).
 */
const appending = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = appending.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  appending.set(key, settled);
  void settled.then(() => {
    if (appending.get(key) === settled) appending.delete(key);
  });
  return next;
}

/** Adds `entry` at the head of `cell`'s chain: next seq, the head's hash as `prevHash`. */
export async function appendAuditEntry(cell: Domain, entry: NewAuditEntry): Promise<AppendedEntry> {
  const AuditEntry = await auditEntriesOf(cell);
  const key = `${AuditEntry.db.name}:${cell}`;
  return serialised(key, async () => {
    for (let attempt = 1; ; attempt += 1) {
      const head = await AuditEntry.findOne({ chain: cell }, { seq: 1, hash: 1 })
        .sort({ seq: -1 })
        .lean();
      const hashed: HashedEntry = {
        ...entry,
        chain: cell,
        seq: (head?.seq ?? 0) + 1,
        prevHash: head?.hash ?? genesisHash,
      };
      const hash = entryHash(hashed);
      try {
        await AuditEntry.create({ ...hashed, at: new Date(hashed.at), hash });
        return { chain: cell, seq: hashed.seq, hash };
      } catch (error) {
        // Another replica took this seq first: read the new head and try again.
        if (!isDuplicateKeyError(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  });
}
