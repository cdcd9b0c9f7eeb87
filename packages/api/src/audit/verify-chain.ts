import type { Domain } from '../domains';
import { auditEntriesOf } from './audit-databases';
import { entryHash, genesisHash } from './entry-hash';
import { hashedFieldsOf, type StoredAuditEntry } from './stored-entry';

/** How an entry was tampered with, as far as the chain can tell. */
export type ChainBreakKind = 'edited' | 'deleted' | 'reordered';

export interface ChainBreak {
  cell: Domain;
  /** The first position that is not what was written. */
  seq: number;
  kind: ChainBreakKind;
  detail: string;
}

export interface ChainVerification {
  cell: Domain;
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
}

/** How far from its position a moved entry is looked for (its hash covers its original seq). */
const MOVE_SEARCH = 50;

function hashesAtAnotherSeq(entry: StoredAuditEntry): number | undefined {
  const fields = hashedFieldsOf(entry);
  for (let offset = 1; offset <= MOVE_SEARCH; offset += 1) {
    for (const seq of [entry.seq + offset, entry.seq - offset]) {
      if (seq >= 1 && entryHash({ ...fields, seq }) === entry.hash) return seq;
    }
  }
  return undefined;
}

/**
 * Walks `cell`'s chain in seq order and names the first entry that is not what was written:
 * a seq missing (deleted), an entry whose content no longer matches its hash or whose successor
 * recorded another hash for it (edited, re-hashed), or an entry found at another position than
 * the one it was hashed for (reordered). Truncating the newest entries leaves a valid chain;
 * compare the head with one logged earlier (`anchorHead`, docs/audit-log.md) to catch that.
 */
export async function verifyChain(cell: Domain): Promise<ChainVerification> {
  const AuditEntry = await auditEntriesOf(cell);
  // Every hash's position first, so a moved entry can be told from an edited one.
  const seqOfHash = new Map<string, number>();
  for await (const link of AuditEntry.find({ chain: cell }, { seq: 1, hash: 1 }).lean().cursor()) {
    seqOfHash.set(link.hash, link.seq);
  }
  let previous: { seq: number; hash: string } | null = null;
  let entries = 0;
  const broken = (seq: number, kind: ChainBreakKind, detail: string): ChainVerification => ({
    cell,
    ok: false,
    entries: seqOfHash.size,
    head: previous,
    firstBroken: { cell, seq, kind, detail },
  });
  const cursor = AuditEntry.find({ chain: cell }).sort({ seq: 1 }).lean().cursor();
  for await (const stored of cursor) {
    const entry = stored as StoredAuditEntry;
    entries += 1;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    const expectedPrev = previous?.hash ?? genesisHash;
    if (entry.seq > expectedSeq) {
      const missing =
        entry.seq - expectedSeq === 1 ? `${expectedSeq}` : `${expectedSeq}-${entry.seq - 1}`;
      return broken(
        expectedSeq,
        'deleted',
        `entry ${missing} is missing (gap before ${entry.seq})`,
      );
    }
    if (entry.seq < expectedSeq) {
      return broken(entry.seq, 'edited', `a second entry claims seq ${entry.seq}`);
    }
    if (entryHash(hashedFieldsOf(entry)) !== entry.hash) {
      const hashedAt = hashesAtAnotherSeq(entry);
      if (hashedAt !== undefined) {
        const predecessorAt = seqOfHash.get(entry.prevHash);
        if (predecessorAt === undefined && hashedAt > entry.seq) {
          return broken(
            entry.seq,
            'deleted',
            `the entry written as ${hashedAt} was renumbered ${entry.seq}: entries before it were removed`,
          );
        }
        return broken(
          entry.seq,
          'reordered',
          `holds the entry written as seq ${hashedAt}${predecessorAt === undefined ? '' : ` (its predecessor is now at ${predecessorAt})`}`,
        );
      }
      return broken(entry.seq, 'edited', 'its content no longer matches its hash');
    }
    if (entry.prevHash !== expectedPrev) {
      const predecessorAt = seqOfHash.get(entry.prevHash);
      if (predecessorAt !== undefined && predecessorAt !== expectedSeq - 1) {
        return broken(
          entry.seq,
          'reordered',
          `follows seq ${expectedSeq - 1} but was written after the entry now at ${predecessorAt}`,
        );
      }
      if (previous) {
        return broken(
          previous.seq,
          'edited',
          `re-hashed after an edit: entry ${entry.seq} recorded a different hash for it`,
        );
      }
      return broken(entry.seq, 'edited', 'the first entry does not start from the genesis hash');
    }
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return { cell, ok: true, entries, head: previous, firstBroken: null };
}
