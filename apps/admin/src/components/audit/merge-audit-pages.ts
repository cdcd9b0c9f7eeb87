import type { Domain, RouterOutputs } from '@shop/api/client';
import type { AuditCursor } from './audit-search-params';

export type AuditEntry = RouterOutputs['product']['auditLog']['items'][number];

/** Newest first; entries of the same millisecond by cell, then newest seq first. */
export function compareEntries(
  a: Pick<AuditEntry, 'at' | 'cell' | 'seq'>,
  b: Pick<AuditEntry, 'at' | 'cell' | 'seq'>,
): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.cell !== b.cell) return a.cell < b.cell ? -1 : 1;
  return b.seq - a.seq;
}

/**
 * One page across cells: each cell answered up to `limit` entries at or before the cursor's
 * time; entries the previous page already showed are dropped, the rest merged by time. The page
 * is complete because no cell can hold an entry between two it answered.
 */
export function mergeAuditPages(
  pages: readonly { cell: Domain; items: readonly AuditEntry[]; hasMore: boolean }[],
  limit: number,
  cursor: AuditCursor | undefined,
): { items: AuditEntry[]; next: AuditCursor | null } {
  const after = (entry: AuditEntry) => !cursor || compareEntries(cursor, entry) < 0;
  // A cell that has more than it sent cannot vouch for anything older than its oldest entry.
  const completeUntil = pages
    .filter((page) => page.hasMore && page.items.length > 0)
    .map((page) => page.items.at(-1)!)
    .sort(compareEntries)[0];
  const merged = pages
    .flatMap((page) => page.items)
    .filter(after)
    .filter((entry) => !completeUntil || compareEntries(entry, completeUntil) <= 0)
    .sort(compareEntries);
  const items = merged.slice(0, limit);
  const last = items.at(-1);
  const more = merged.length > limit || pages.some((page) => page.hasMore);
  return { items, next: more && last ? { at: last.at, cell: last.cell, seq: last.seq } : null };
}
