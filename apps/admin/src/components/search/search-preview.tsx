'use client';

import { Badge, Button, EmptyState, Notice, Spinner, TextField } from '@shop/ui';
import type { PreviewAnswer, PreviewProduct } from './merchandising-types';

interface SearchPreviewProps {
  query: string;
  onQueryChange: (query: string) => void;
  answer: PreviewAnswer | null;
  loading: boolean;
  /** What the preview includes that is not saved yet, in words ("the new synonym"). */
  unsaved: string | null;
  pinned: readonly string[];
  hidden: readonly string[];
  canWrite: boolean;
  onPin: (product: PreviewProduct) => void;
  onHide: (product: PreviewProduct) => void;
  onUnpin: (id: string) => void;
  onUnhide: (id: string) => void;
}

/**
 * What a shopper would see for a query with the rules as they are being edited: the first
 * results, a redirect, and (with catalog:write) buttons to pin or hide each product.
 */
export function SearchPreview({
  query,
  onQueryChange,
  answer,
  loading,
  unsaved,
  pinned,
  hidden,
  canWrite,
  onPin,
  onHide,
  onUnpin,
  onUnhide,
}: SearchPreviewProps) {
  return (
    <div className="flex flex-col gap-4" data-testid="search-preview">
      <TextField
        label="Preview a search"
        type="search"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        placeholder="e.g. tee"
        autoComplete="off"
        hint={
          unsaved
            ? `Includes ${unsaved} (not saved yet).`
            : 'Results as a shopper sees them, with the saved rules.'
        }
      />
      <div aria-live="polite" aria-busy={loading} className="min-h-12">
        {!query.trim() ? (
          <p className="text-sm text-ink-muted">Type a search to see its results.</p>
        ) : loading && !answer ? (
          <Spinner label="Loading the preview" />
        ) : answer && !answer.ok ? (
          <Notice tone="danger" title="The preview cannot be shown">
            {answer.message}
          </Notice>
        ) : answer ? (
          <PreviewResults
            answer={answer}
            loading={loading}
            pinned={pinned}
            hidden={hidden}
            canWrite={canWrite}
            onPin={onPin}
            onHide={onHide}
            onUnpin={onUnpin}
            onUnhide={onUnhide}
          />
        ) : null}
      </div>
    </div>
  );
}

function PreviewResults({
  answer,
  loading,
  pinned,
  hidden,
  canWrite,
  onPin,
  onHide,
  onUnpin,
  onUnhide,
}: Omit<SearchPreviewProps, 'query' | 'onQueryChange' | 'answer' | 'unsaved'> & {
  answer: Extract<PreviewAnswer, { ok: true }>;
}) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-ink-muted" data-testid="preview-count">
        {loading ? 'Updating… ' : ''}
        {answer.totalCount} {answer.totalCount === 1 ? 'product' : 'products'}
        {answer.queryUsed ? `, showing results for “${answer.queryUsed}”` : ''}
      </p>
      {answer.redirect ? (
        <Notice
          tone="info"
          title="Shoppers are sent to a page instead"
          data-testid="preview-redirect"
        >
          This search goes to <span className="font-mono break-all">{answer.redirect}</span>; the
          results below are what it replaces.
        </Notice>
      ) : null}
      {answer.results.length === 0 ? (
        <EmptyState
          as="h3"
          title="No products found"
          description="Add a synonym or a redirect so this search finds something."
        />
      ) : (
        <ol
          className="divide-y divide-line rounded-card border border-line"
          data-testid="preview-results"
        >
          {answer.results.map((product, position) => {
            const isPinned = pinned.includes(product.id);
            return (
              <li
                key={product.id}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
                data-testid="preview-result"
              >
                <span className="min-w-0 flex-1">
                  <span className="mr-2 text-ink-muted tabular-nums">{position + 1}.</span>
                  <span className="font-medium">{product.name}</span>{' '}
                  <span className="text-sm text-ink-muted">{product.brand}</span>{' '}
                  {isPinned ? <Badge tone="info">Pinned</Badge> : null}
                  {!product.inStock ? <Badge tone="neutral">Out of stock</Badge> : null}
                </span>
                {canWrite ? (
                  <span className="flex gap-2">
                    {isPinned ? (
                      <Button size="sm" variant="secondary" onClick={() => onUnpin(product.id)}>
                        Unpin<span className="sr-only"> {product.name}</span>
                      </Button>
                    ) : (
                      <Button size="sm" variant="secondary" onClick={() => onPin(product)}>
                        Pin<span className="sr-only"> {product.name}</span>
                      </Button>
                    )}
                    <Button size="sm" variant="ghost" onClick={() => onHide(product)}>
                      Hide<span className="sr-only"> {product.name}</span>
                    </Button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {hidden.length > 0 ? (
        <p className="text-sm text-ink-muted">
          {hidden.length} hidden for this search.{' '}
          {canWrite ? (
            <button
              type="button"
              className="font-medium text-accent-700 underline"
              onClick={() => hidden.forEach(onUnhide)}
            >
              Show them again
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
