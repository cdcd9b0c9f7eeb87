import type { ProductDetail, ProductVariant, StockState } from '@shop/api/client';

/** What choosing a variant needs of a product. */
export type VariantChoices = Pick<ProductDetail, 'options' | 'variants'>;

/** The variant with exactly these option values (in option order), if the product has one. */
export function variantFor(
  variants: readonly ProductVariant[],
  selection: readonly string[],
): ProductVariant | undefined {
  return variants.find((variant) =>
    variant.optionValues.every((value, index) => value === selection[index]),
  );
}

/** The selection a page starts with: the named variant's values, else each option's first. */
export function initialSelection(
  product: VariantChoices,
  sku: string | null | undefined,
): string[] {
  const named = sku ? product.variants.find((variant) => variant.sku === sku) : undefined;
  return named?.optionValues ?? product.options.map((option) => option.values[0] ?? '');
}

/** The selection after choosing `value` for one option; the other choices stay. */
export function selectionWith(
  selection: readonly string[],
  optionIndex: number,
  value: string,
): string[] {
  return selection.map((current, index) => (index === optionIndex ? value : current));
}

/** Whether some variant has `value` for this option together with the other current choices. */
export function isChoiceAvailable(
  variants: readonly ProductVariant[],
  selection: readonly string[],
  optionIndex: number,
  value: string,
): boolean {
  return variants.some((candidate) =>
    candidate.optionValues.every((current, index) =>
      index === optionIndex ? current === value : current === selection[index],
    ),
  );
}

/** The stock state in words, with the badge tone that goes with it. */
export const stockWords: Record<
  StockState,
  { text: string; tone: 'success' | 'warning' | 'neutral' }
> = {
  in_stock: { text: 'In stock', tone: 'success' },
  low_stock: { text: 'Only a few left', tone: 'warning' },
  out_of_stock: { text: 'Out of stock', tone: 'neutral' },
};

/** Whether the chosen variant can go in the cart: there is one, and it is not sold out. */
export function canAddToCart(variant: ProductVariant | undefined): variant is ProductVariant {
  return variant !== undefined && variant.stock !== 'out_of_stock';
}
