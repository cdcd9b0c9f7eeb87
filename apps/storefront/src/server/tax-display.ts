import 'server-only';
import { callCell } from '@shop/api/client';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { publicCells } from './public-cells';

/**
 * Whether the store's prices include tax (`order.checkoutOptions`), for the labels beside prices
 * on cached pages (product page, cards). Cached for a minute across requests: a change of the
 * store's tax mode shows on these pages within a minute (checkout and orders read it live). When
 * the order cell cannot answer the labels are left out (null) rather than guessed.
 */
const cachedMode = unstable_cache(
  async (): Promise<boolean | null> => {
    const result = await callCell(({ signal }) =>
      publicCells().order.checkoutOptions.query(undefined, { signal }),
    );
    if (!result.ok) throw new Error(`order.checkoutOptions failed: ${result.failure}`);
    return result.data.pricesIncludeTax;
  },
  ['tax-display'],
  { revalidate: 60 },
);

export const pricesIncludeTax = cache(async (): Promise<boolean | null> => {
  try {
    return await cachedMode();
  } catch {
    return null; // never cached: the next request asks again
  }
});
