import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { queryCell } from './cell';
import type { ProductDetail, SearchAnswer, Variant } from './catalog';

/** A variant a shopper can buy now, with how many units the product cell says are available. */
export interface BuyableVariant {
  slug: string;
  name: string;
  sku: string;
  available: number;
}

interface SkuDetail {
  sku: string;
  available: number;
  purchasable: boolean;
}

/** Units available of one SKU, as the product cell answers `product.skuDetails` (capped at 99). */
export async function availableUnits(request: APIRequestContext, sku: string): Promise<number> {
  const { items } = await queryCell<{ items: SkuDetail[] }>(request, 'product.skuDetails', {
    skus: [sku],
  });
  return items[0]?.available ?? 0;
}

/**
 * `count` in-stock variants of different products from the seeded catalogue (found through the
 * cells, not hard-coded). `preferFew` picks variants with fewer than 99 units first, so a test
 * can see the available count move.
 */
export async function findBuyableVariants(
  request: APIRequestContext,
  count: number,
  { skip = 0, preferFew = false }: { skip?: number; preferFew?: boolean } = {},
): Promise<BuyableVariant[]> {
  const listing = await queryCell<SearchAnswer>(request, 'search.query', { pageSize: 48 });
  const found: BuyableVariant[] = [];
  const plenty: BuyableVariant[] = [];
  for (const summary of listing.results.slice(skip)) {
    const product = await queryCell<ProductDetail>(request, 'product.bySlug', {
      slug: summary.slug,
    });
    const candidates = product.variants.filter((variant: Variant) => variant.stock === 'in_stock');
    for (const variant of candidates) {
      const available = await availableUnits(request, variant.sku);
      if (available < 3) continue;
      const buyable = { slug: product.slug, name: product.name, sku: variant.sku, available };
      if (preferFew && available >= 99) {
        plenty.push(buyable);
        continue;
      }
      found.push(buyable);
      break;
    }
    if (found.length === count) return found;
  }
  const all = [...found, ...plenty].slice(0, count);
  if (all.length < count) throw new Error(`fewer than ${count} buyable products in the catalogue`);
  return all;
}

/** Opens the variant's product page and adds `quantity` to the cart; the mini-cart opens. */
export async function addToCart(page: Page, variant: BuyableVariant, quantity = 1) {
  await page.goto(`/products/${variant.slug}?sku=${encodeURIComponent(variant.sku)}`);
  // The page is shared cached HTML: `?sku=` is applied once it is interactive.
  await expect(page.getByTestId('selected-sku')).toHaveText(`SKU ${variant.sku}`);
  const form = page.getByTestId('add-to-cart');
  if (quantity !== 1) await form.getByLabel('Quantity', { exact: true }).fill(String(quantity));
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('mini-cart-panel')).toBeVisible();
  await expect(page.getByTestId('mini-cart-panel')).toContainText(variant.name);
}

/** The header's cart button, named by its count ("Cart, 2 items"). */
export function cartButton(page: Page) {
  return page.getByTestId('mini-cart-button');
}

/** Fills a new German shipping address on the checkout page. */
export async function fillShippingAddress(page: Page, name: string) {
  const fields = page.getByTestId('address-fields');
  await fields.getByLabel('Full name').fill(name);
  await fields.getByLabel('Address line 1').fill('Invalidenstraße 116');
  await fields.getByLabel('Town or city').fill('Berlin');
  await fields.getByLabel('Postcode').fill('10115');
  await fields.getByLabel('Country').selectOption({ label: 'Germany' });
}

/** Places the order once the cell's total is shown; answers the order id from the pay page URL. */
export async function placeOrder(page: Page): Promise<string> {
  const place = page.getByRole('button', { name: /^Place order · / });
  await expect(place).toBeEnabled({ timeout: 15_000 });
  await place.click();
  await expect(page).toHaveURL(/\/checkout\/(pay|confirmation)\/[a-f0-9]{24}$/, {
    timeout: 20_000,
  });
  return page.url().split('/').at(-1)!;
}

/** Pays on the test processor's card form (it appears once the saga has started the payment). */
export async function payWithTestCard(page: Page, cardNumber: string, nameOnCard: string) {
  const form = page.getByTestId('card-form');
  await expect(form).toBeVisible({ timeout: 20_000 });
  await form.getByLabel('Card number').fill(cardNumber);
  await form.getByLabel('Expiry date').fill('12 / 34');
  await form.getByLabel('Security code (CVC)').fill('123');
  await form.getByLabel('Name on card').fill(nameOnCard);
  await form.getByRole('button', { name: /^Pay / }).click();
}
