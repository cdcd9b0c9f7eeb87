'use client';

import { Badge, classNames, Price } from '@shop/ui';
import { useEffect, useId, useState } from 'react';
import { stockWords } from './variant-selection';
import { useVariant } from './variant-state';

/** The chosen variant's price (with the compare-at price when on sale) and stock state. */
export function VariantPriceAndStock() {
  const { product, variant } = useVariant();
  if (!variant) {
    return (
      <p className="mt-4 text-sm text-ink-muted" data-testid="variant-unavailable">
        This combination is not available. Choose another option.
      </p>
    );
  }
  const stock = stockWords[variant.stock];
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3" aria-live="polite">
      <Price
        minor={variant.priceMinor}
        compareAtMinor={variant.compareAtPriceMinor}
        currency={product.currency}
        className="text-2xl"
      />
      <span data-testid="stock-state" data-stock={variant.stock}>
        <Badge tone={stock.tone} dot>
          {stock.text}
        </Badge>
      </span>
      <span className="sr-only" data-testid="selected-sku">
        SKU {variant.sku}
      </span>
    </div>
  );
}

/**
 * One group of native radio buttons per option (keyboard: Tab to a group, arrows within it),
 * styled as buttons. Values no variant offers with the other current choices are disabled.
 */
export function VariantPicker() {
  const { product, selection, choose, isAvailable } = useVariant();
  const baseId = useId();
  // Set once hydrated: choices before that are the browser's alone (tests wait for it).
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (product.options.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-5" data-testid="variant-picker" data-enhanced={enhanced}>
      {product.options.map((option, optionIndex) => (
        <fieldset key={option.name}>
          <legend className="mb-2 text-sm font-medium text-ink">
            {option.name}: <span className="text-ink-muted">{selection[optionIndex]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const available = isAvailable(optionIndex, value);
              const id = `${baseId}-${optionIndex}-${value}`;
              return (
                <span key={value}>
                  <input
                    type="radio"
                    id={id}
                    name={`option-${optionIndex}`}
                    value={value}
                    checked={selection[optionIndex] === value}
                    disabled={!available}
                    onChange={() => choose(optionIndex, value)}
                    className="peer sr-only"
                  />
                  <label
                    htmlFor={id}
                    data-testid="option-value"
                    data-option={option.name}
                    className={classNames(
                      'inline-flex h-10 min-w-12 cursor-pointer items-center justify-center rounded-control border px-3 text-sm font-medium transition-colors',
                      'border-line-strong bg-surface text-ink hover:border-ink-muted',
                      'peer-checked:border-accent-600 peer-checked:bg-accent-50 peer-checked:text-accent-800',
                      'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600',
                      'peer-disabled:cursor-not-allowed peer-disabled:border-dashed peer-disabled:text-ink-subtle peer-disabled:line-through',
                    )}
                  >
                    {value}
                    {available ? null : <span className="sr-only"> (unavailable)</span>}
                  </label>
                </span>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
