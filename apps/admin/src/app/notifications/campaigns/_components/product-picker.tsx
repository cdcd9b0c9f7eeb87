'use client';

import { Button, TextField } from '@shop/ui';
import { useState, useTransition } from 'react';
import { findCampaignProducts, type ProductSearchAnswer } from '../actions';
import type { PickedProduct } from './campaign-draft';
import { maxProductsPerBlock } from './campaign-input';

/**
 * The product cards of one block: the picked products in order (up, down, remove) and a
 * catalogue search to add more, up to four. Only ids reach the cell; it reads name, image, price
 * and link from the catalogue when it renders or sends.
 */
export function ProductPicker({
  blockNumber,
  products,
  error,
  onChange,
}: {
  blockNumber: number;
  products: PickedProduct[];
  error?: string;
  onChange: (next: PickedProduct[]) => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ProductSearchAnswer | null>(null);
  const [searching, startSearch] = useTransition();
  const full = products.length >= maxProductsPerBlock;
  const search = () =>
    startSearch(async () =>
      setFound(
        await findCampaignProducts(query).catch((): ProductSearchAnswer => ({
          ok: false,
          message: 'That did not go through. Check your connection and try again.',
        })),
      ),
    );
  const move = (from: number, to: number) => {
    const next = [...products];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-3">
      {products.length === 0 ? (
        <p className="text-sm text-ink-muted">No products yet: find them below.</p>
      ) : (
        <ol
          aria-label={`Products in block ${blockNumber}`}
          className="flex flex-col divide-y divide-line rounded-control border border-line"
        >
          {products.map((product, index) => (
            <li
              key={product.id}
              data-testid="picked-product"
              className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
            >
              <span className="min-w-0 text-sm break-words text-ink">
                {index + 1}. {product.name}
              </span>
              <span className="flex flex-wrap gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  Up<span className="sr-only"> {product.name}</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={index === products.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  Down<span className="sr-only"> {product.name}</span>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onChange(products.filter((entry) => entry.id !== product.id))}
                >
                  Remove<span className="sr-only"> {product.name}</span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {error ? <p className="text-sm font-medium text-danger">{error}</p> : null}
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={`Find a product for block ${blockNumber}`}
          className="min-w-0 flex-1"
          value={query}
          maxLength={100}
          hint={full ? `A block holds at most ${maxProductsPerBlock} products.` : undefined}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
        />
        <Button variant="secondary" onClick={search} disabled={!query.trim() || searching}>
          {searching ? 'Searching…' : 'Find'}
          <span className="sr-only"> products for block {blockNumber}</span>
        </Button>
      </div>
      {found ? (
        <div aria-live="polite">
          {!found.ok ? (
            <p className="text-sm font-medium text-danger" data-testid="product-search-error">
              {found.message}
            </p>
          ) : found.products.length === 0 ? (
            <p className="text-sm text-ink-muted">No product matches “{query}”.</p>
          ) : (
            <ul aria-label="Products found" className="flex flex-col divide-y divide-line">
              {found.products.map((product) => {
                const picked = products.some((entry) => entry.id === product.id);
                return (
                  <li key={product.id} className="flex items-center justify-between gap-2 py-1.5">
                    <span className="min-w-0 text-sm break-words">
                      {product.name}
                      {product.status === 'active' ? null : (
                        <span className="text-ink-muted"> ({product.status})</span>
                      )}
                    </span>
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={picked || full}
                      onClick={() =>
                        onChange([...products, { id: product.id, name: product.name }])
                      }
                    >
                      {picked ? 'Added' : 'Add'}
                      <span className="sr-only"> {product.name}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
