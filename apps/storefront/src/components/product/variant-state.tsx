'use client';

import type { ProductDetail, ProductVariant } from '@shop/api/client';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  initialSelection,
  isChoiceAvailable,
  selectionWith,
  variantFor,
} from './variant-selection';

interface VariantState {
  product: Pick<ProductDetail, 'slug' | 'name' | 'currency' | 'options' | 'variants' | 'images'>;
  variant: ProductVariant | undefined;
  /** The value chosen for each option, in option order. */
  selection: string[];
  /** The image shown large: the variant's own until the shopper picks another thumbnail. */
  imageIndex: number;
  choose: (optionIndex: number, value: string) => void;
  showImage: (index: number) => void;
  /** Whether some variant has `value` for this option together with the other current choices. */
  isAvailable: (optionIndex: number, value: string) => boolean;
}

const VariantContext = createContext<VariantState | null>(null);

export function useVariant(): VariantState {
  const state = use(VariantContext);
  if (!state) throw new Error('useVariant outside VariantProvider');
  return state;
}

/**
 * The chosen variant of a product page, shared by the gallery and the picker. The page is cached
 * HTML shared by every URL of the product, so the server renders the default variant (the first
 * one in stock) and the variant named by `?sku=` is chosen here once the page is interactive;
 * choosing another one updates the URL in place (no new history entry per click, no server
 * round trip).
 */
export function VariantProvider({
  product,
  initialSku,
  children,
}: {
  product: VariantState['product'];
  initialSku: string;
  children: ReactNode;
}) {
  const [selection, setSelection] = useState<string[]>(() => initialSelection(product, initialSku));
  const variant = variantFor(product.variants, selection);

  // A shared link (`?sku=`): show that variant. Read from the address bar, not useSearchParams,
  // which would make the cached page render its variant part in the browser only.
  useEffect(() => {
    const sku = new URLSearchParams(window.location.search).get('sku');
    const requested = sku ? product.variants.find((candidate) => candidate.sku === sku) : undefined;
    if (requested) setSelection(requested.optionValues);
  }, [product.variants]);
  const [pickedImage, setPickedImage] = useState<{ sku: string | undefined; index: number }>();
  const imageIndex =
    pickedImage && pickedImage.sku === variant?.sku
      ? pickedImage.index
      : (variant?.imageIndex ?? 0);

  const choose = useCallback(
    (optionIndex: number, value: string) => {
      const next = selectionWith(selection, optionIndex, value);
      const chosen = variantFor(product.variants, next);
      setSelection(next);
      setPickedImage(undefined);
      if (chosen) {
        const url = new URL(window.location.href);
        url.searchParams.set('sku', chosen.sku);
        // Next keeps its router in step with history.replaceState.
        window.history.replaceState(null, '', url);
      }
    },
    [product.variants, selection],
  );

  const isAvailable = useCallback(
    (optionIndex: number, value: string) =>
      isChoiceAvailable(product.variants, selection, optionIndex, value),
    [product.variants, selection],
  );

  const state = useMemo<VariantState>(
    () => ({
      product,
      variant,
      selection,
      imageIndex,
      choose,
      showImage: (index) => setPickedImage({ sku: variant?.sku, index }),
      isAvailable,
    }),
    [product, variant, selection, imageIndex, choose, isAvailable],
  );
  return <VariantContext value={state}>{children}</VariantContext>;
}
