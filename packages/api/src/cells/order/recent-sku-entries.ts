import type { ProjectedSku } from './sku-projection-store';

/**
 * Projection entries this process read or wrote in the last second, so a busy cart host reads
 * each SKU's entry from the database about once a second instead of on every operation. Never
 * kept past the entry's own staleness bound. A product event's refresh updates the replica that
 * ran it at once; other replicas see it within this second.
 */
const keptMs = 1000;
const maxKept = 20_000;

const recent = new Map<string, { entry: ProjectedSku; until: number }>();

export function recentSkuEntry(sku: string, now: number): ProjectedSku | undefined {
  const kept = recent.get(sku);
  if (!kept) return undefined;
  if (kept.until > now) return kept.entry;
  recent.delete(sku);
  return undefined;
}

/** Keeps `entry` for a second, or until `trustedUntil` if sooner. */
export function keepRecentSkuEntry(entry: ProjectedSku, now: number, trustedUntil: number): void {
  const until = Math.min(now + keptMs, trustedUntil);
  if (until <= now) return;
  if (recent.size >= maxKept && !recent.has(entry.sku)) recent.clear();
  recent.set(entry.sku, { entry, until });
}
