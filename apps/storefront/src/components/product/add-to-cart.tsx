'use client';

import { Button } from '@shop/ui';
import { useId, useState, type FormEvent } from 'react';
import { trackEvent } from '@/browser/tracking/tracker-queue';
import { shopperMessage } from '@/components/cart/cell-error';
import { setMiniCartOpen } from '@/components/cart/mini-cart-store';
import { useCartActions } from '@/components/cart/use-cart';
import { QuantityStepper } from '@/components/cart/quantity-stepper';
import { canAddToCart } from './variant-selection';
import { useVariant } from './variant-state';
import { BackInStockForm } from '@/components/newsletter/back-in-stock-form';

/**
 * "Add to cart" for the chosen variant with a quantity. Disabled while no variant matches the
 * options or it is out of stock; on success the header's mini-cart opens to show what was added,
 * and a refusal (e.g. "Only 3 left of …") is shown right under the button.
 */
export function AddToCart() {
  const { product, variant } = useVariant();
  const { add } = useCartActions();
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<string>();
  const statusId = useId();
  const soldOut = !canAddToCart(variant);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!variant || soldOut) return;
    setError(undefined);
    setAdded(undefined);
    add.mutate(
      { sku: variant.sku, quantity },
      {
        onSuccess: () => {
          setAdded(`Added ${quantity} × ${product.name} to your cart.`);
          setMiniCartOpen(true);
          trackEvent({
            kind: 'cart_item_added',
            productId: product.slug,
            quantity,
            // The price shown, for the abandoned carts' value in the back office.
            unitPriceMinor: variant.priceMinor,
            currency: product.currency,
          });
        },
        onError: (failure) => setError(shopperMessage(failure)),
      },
    );
  };

  return (
    <>
      <form
        onSubmit={submit}
        className="mt-8 flex flex-col gap-3 border-t border-line pt-6"
        data-testid="add-to-cart"
      >
        <div className="flex flex-wrap items-end gap-3">
          <QuantityStepper
            label="Quantity"
            value={quantity}
            min={1}
            max={99}
            disabled={soldOut || add.isPending}
            onChange={setQuantity}
          />
          <Button
            type="submit"
            size="lg"
            className="flex-1"
            disabled={soldOut || add.isPending}
            aria-describedby={statusId}
          >
            {add.isPending ? 'Adding…' : soldOut ? 'Out of stock' : 'Add to cart'}
          </Button>
        </div>
        <div id={statusId} aria-live="polite" className="min-h-5 text-sm">
          {error ? (
            <p className="font-medium text-danger" role="alert">
              {error}
            </p>
          ) : added ? (
            <p className="text-success">{added}</p>
          ) : soldOut && variant ? (
            <p className="text-ink-muted">This option is sold out. Choose another one.</p>
          ) : null}
        </div>
      </form>
      {variant?.stock === 'out_of_stock' ? (
        <BackInStockForm key={variant.sku} sku={variant.sku} />
      ) : null}
    </>
  );
}
