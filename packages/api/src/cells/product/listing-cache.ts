import { hostConfig } from '../../config/host';
import { forgetBrandList } from './admin-brand-list';
/**
 * A short-lived cache of listing answers (category pages, collections, the category tree), with
 * concurrent identical requests sharing one database read. Listings are the hottest reads and,
 * on the in-memory fallback, every one is a full scan; a second of staleness is invisible to
 * shoppers. Writes made through this process clear it at once; other replicas catch up within
 * `PRODUCT_LISTING_CACHE_MS` (default 1000; 0 turns the cache off).
 */
const maxEntries = 2000;
const entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

function ttlMs(): number {
  const configured = hostConfig().PRODUCT_LISTING_CACHE_MS;
  return Number.isFinite(configured) && configured >= 0 ? configured : 1000;
}

export function cachedListing<T>(key: string, load: () => Promise<T>): Promise<T> {
  const ttl = ttlMs();
  if (ttl === 0) return load();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  if (entries.size >= maxEntries) {
    for (const [entryKey, entry] of entries) if (entry.expiresAt <= now) entries.delete(entryKey);
    if (entries.size >= maxEntries) entries.clear();
  }
  const value = load();
  entries.set(key, { expiresAt: now + ttl, value });
  // A failed read is not remembered: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** After any catalog write in this process: the next listing reads the database. */
export function invalidateListings(): void {
  entries.clear();
  forgetBrandList();
}
