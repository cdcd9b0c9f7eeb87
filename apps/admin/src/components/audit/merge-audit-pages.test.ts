import type { Domain } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { mergeAuditPages, type AuditEntry } from './merge-audit-pages';

function entry(cell: Domain, seq: number, minute: number): AuditEntry {
  return {
    cell,
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    actor: { accountId: 'a', email: 'admin@example.com' },
    roles: ['admin'],
    procedure: `${cell}.x`,
    object: { type: 'x', ids: [] },
    before: null,
    after: null,
    input: null,
    requestId: null,
    clientAddress: null,
    hash: `${cell}${seq}`,
  };
}

/** What each cell answers for a cursor: its entries at or before the cursor's time, newest first. */
function answer(all: Record<string, AuditEntry[]>, limit: number, at?: string) {
  return Object.entries(all).map(([cell, entries]) => {
    const fitting = entries.filter((item) => !at || item.at <= at).sort((a, b) => b.seq - a.seq);
    return {
      cell: cell as Domain,
      items: fitting.slice(0, limit),
      hasMore: fitting.length > limit,
    };
  });
}

describe('paging the merged audit log', () => {
  it('shows every entry of every cell once, newest first, however the cells interleave', () => {
    const all: Record<string, AuditEntry[]> = {
      product: [1, 2, 3, 4, 5, 6, 7].map((seq) => entry('product', seq, seq * 2)),
      order: [1, 2, 3].map((seq) => entry('order', seq, seq * 5)),
      user: [1, 2].map((seq) => entry('user', seq, 4)),
    };
    const seen: string[] = [];
    let cursor: ReturnType<typeof mergeAuditPages>['next'] = null;
    for (let page = 0; page < 20; page += 1) {
      const merged = mergeAuditPages(answer(all, 3, cursor?.at), 3, cursor ?? undefined);
      seen.push(...merged.items.map((item) => `${item.cell}${item.seq}@${item.at.slice(11, 16)}`));
      cursor = merged.next;
      if (!cursor) break;
    }
    // Newest first; the same millisecond by cell, then newest seq first.
    const expected = Object.values(all)
      .flat()
      .sort((a, b) => b.at.localeCompare(a.at) || a.cell.localeCompare(b.cell) || b.seq - a.seq)
      .map((item) => `${item.cell}${item.seq}@${item.at.slice(11, 16)}`);
    expect(seen).toEqual(expected);
  });
});
