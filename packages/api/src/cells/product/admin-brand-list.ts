import type { ProductModels } from '@shop/db/product';

/**
 * How long a brand list is used before it is read again. A brand appears or goes only when a
 * product is saved: saves through this process forget the list at once (`forgetBrandList`), and
 * another replica's save shows in this one's filter within this time.
 */
const rememberedMs = 30_000;

let remembered: { readAt: number; brands: Promise<string[]> } | undefined;

/**
 * Every brand, A–Z, for the admin table's brand filter: read at most every 30 s per process
 * rather than on every page of the table. When it is read, `distinct` walks the `{ brand: 1 }`
 * index (a DISTINCT_SCAN: one step per brand), not the products.
 */
export function brandList({ Product }: Pick<ProductModels, 'Product'>): Promise<string[]> {
  const now = Date.now();
  if (remembered && now - remembered.readAt < rememberedMs) return remembered.brands;
  const brands = Product.distinct('brand').then((found) =>
    (found as string[]).sort((a, b) => a.localeCompare(b)),
  );
  const entry = { readAt: now, brands };
  remembered = entry;
  // A failed read is not remembered: the next request tries again.
  brands.catch(() => {
    if (remembered === entry) remembered = undefined;
  });
  return brands;
}

/** After a catalogue write in this process: the next list reads the brands again. */
export function forgetBrandList(): void {
  remembered = undefined;
}
