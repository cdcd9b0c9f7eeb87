import 'server-only';
import { unstable_cache } from 'next/cache';

/** How long a page rendered during a catalogue outage may be served from the page cache. */
const outageRevalidateSeconds = 5;

const marker = unstable_cache(async () => true, ['storefront-outage-marker'], {
  revalidate: outageRevalidateSeconds,
});

/**
 * Call while rendering a cached (ISR) page that shows "catalogue unavailable": it shortens this
 * render's cache lifetime to a few seconds (a page's lifetime is the shortest of the cached
 * reads it made), so the outage notice is not served for the full revalidation period after
 * the cells are back. Outside a cached render it is a cheap no-op read.
 */
export async function cacheOutageBriefly(): Promise<void> {
  await marker();
}
