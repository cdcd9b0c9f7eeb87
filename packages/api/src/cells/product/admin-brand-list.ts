import type { ProductModels } from '@shop/db/product';

/** How long a remembered list is used without asking whether the catalogue changed. */
const recheckMs = 5_000;

let remembered: { version: string; checkedAt: number; brands: Promise<string[]> } | undefined;

/**
 * Every brand, A–Z, for the admin table's brand filter. It changes only when a product is saved,
 * so it is read again only when the catalogue's version (its newest `updatedAt`: an index-only
 * lookup on `{ updatedAt: 1 }`) differs from the one it was read at, and that version is asked
 * at most every 5 s; saves through this process forget it at once (`forgetBrandList`). When it
 * is read, `distinct` walks the `{ brand: 1 }` index, not the products.
 */
export async function brandList({ Product }: Pick<ProductModels, 'Product'>): Promise<string[]> {
  const now = Date.now();
  if (remembered && now - remembered.checkedAt < recheckMs) return remembered.brands;
  const newest = await Product.findOne({}, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean();
  const version = newest ? `${newest.updatedAt?.toISOString()}/${String(newest._id)}` : 'empty';
  if (remembered?.version === version) {
    remembered.checkedAt = now;
    return remembered.brands;
  }
  const brands = Product.distinct('brand').then((found) =>
    (found as string[]).sort((a, b) => a.localeCompare(b)),
  );
  const entry = { version, checkedAt: now, brands };
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
