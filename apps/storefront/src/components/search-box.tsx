'use client';

import type { Suggestion } from '@shop/api/client';
import { Input } from '@shop/ui';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTRPC } from '@/browser/trpc';
import { useDebouncedValue } from '@/browser/use-debounced-value';

const minimumQueryLength = 2;
const suggestionCount = 8;

// Corrected and completed searches first (what most shoppers pick), then products, then places.
const kindOrder: Record<Suggestion['kind'], number> = { query: 0, product: 1, category: 2 };
const kindLabel: Record<Suggestion['kind'], string> = {
  query: 'Search',
  product: 'Product',
  category: 'Category',
};

/** Where choosing a suggestion goes. */
function hrefOf(suggestion: Suggestion): Route {
  if (suggestion.kind === 'product' && suggestion.slug) {
    return `/products/${suggestion.slug}` as Route;
  }
  if (suggestion.kind === 'category' && suggestion.slug) {
    return `/categories/${suggestion.slug}` as Route;
  }
  return `/search?q=${encodeURIComponent(suggestion.text)}` as Route;
}

/**
 * The header search: suggestions (corrected queries, products, categories) appear as you type,
 * debounced, through the gateway to the search cell's `search.suggest`, in an ARIA combobox +
 * listbox; arrows move, Enter opens the active suggestion or the full results page. Without
 * JavaScript it is a plain GET form to /search, so it always works.
 */
export function SearchBox() {
  const trpc = useTRPC();
  const router = useRouter();
  const inputId = useId();
  const listboxId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);

  const query = useDebouncedValue(text.trim(), 250);
  const searching = query.length >= minimumQueryLength;
  const suggestions = useQuery({
    ...trpc.search.suggest.queryOptions(searching ? { q: query } : skipToken),
    placeholderData: keepPreviousData,
  });
  // Suggestions complete what was typed; a typo ("lapotp") completes to nothing. Then offer the
  // best matches of the (typo-tolerant) search itself, and its "did you mean" correction.
  const noCompletions =
    searching && suggestions.data?.suggestions.length === 0 && !suggestions.isPlaceholderData;
  const fallback = useQuery({
    ...trpc.search.query.queryOptions(noCompletions ? { q: query, pageSize: 5 } : skipToken),
  });
  const fromSearch: Suggestion[] = fallback.data
    ? [
        ...(fallback.data.didYouMean
          ? [{ text: fallback.data.didYouMean, kind: 'query' as const }]
          : []),
        ...fallback.data.results.map((product) => ({
          text: product.name,
          kind: 'product' as const,
          slug: product.slug,
        })),
      ]
    : [];
  const results = !searching
    ? []
    : noCompletions
      ? fromSearch
      : [...(suggestions.data?.suggestions ?? [])]
          .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
          .slice(0, suggestionCount);
  const expanded = open && searching;
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function openSuggestion(suggestion: Suggestion) {
    setOpen(false);
    setText(suggestion.kind === 'query' ? suggestion.text : '');
    setActiveIndex(-1);
    router.push(hrefOf(suggestion));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const active = results[activeIndex];
    if (expanded && active) return openSuggestion(active);
    const q = text.trim();
    if (!q) return;
    setOpen(false);
    router.push(`/search?q=${encodeURIComponent(q)}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Escape') {
      // A search input clears itself on Escape; take over so the first Escape only closes the
      // suggestions (the combobox pattern) and the second one clears the text.
      event.preventDefault();
      if (expanded) setOpen(false);
      else setText('');
      setActiveIndex(-1);
    }
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    // Keep the panel while focus moves inside it (to the "all results" link).
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  }

  return (
    <form role="search" action="/search" onSubmit={onSubmit} onBlur={onBlur} className="relative">
      <label htmlFor={inputId} className="sr-only">
        Search products
      </label>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle"
      >
        <path d="m21 21-4.3-4.3M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15Z" />
      </svg>
      <Input
        id={inputId}
        name="q"
        type="search"
        autoComplete="off"
        placeholder="Search products, brands…"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActiveIndex(-1);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="rounded-full bg-surface-sunken pl-9 shadow-none focus-visible:bg-surface"
      />
      <div
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-40 mt-2 overflow-hidden rounded-card border border-line bg-surface shadow-raised"
      >
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Search suggestions"
          className="max-h-96 overflow-y-auto py-1"
        >
          {results.map((suggestion, index) => (
            <li
              key={`${suggestion.kind}:${suggestion.slug ?? suggestion.text}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              data-kind={suggestion.kind}
              data-testid="search-suggestion"
              // mousedown would blur the input before click; keep focus in the combobox.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => openSuggestion(suggestion)}
              onMouseEnter={() => setActiveIndex(index)}
              className="flex cursor-pointer items-center gap-3 px-3 py-2 aria-selected:bg-accent-50"
            >
              <span className="min-w-0 flex-1 truncate text-sm text-ink">{suggestion.text}</span>
              <span className="shrink-0 text-xs text-ink-subtle">{kindLabel[suggestion.kind]}</span>
            </li>
          ))}
        </ul>
        <div className="flex items-center justify-between gap-3 border-t border-line px-3 py-2 text-sm">
          <p role="status" className="text-ink-muted">
            {suggestionStatus({
              failed: suggestions.isError,
              pending: !suggestions.data || (noCompletions && !fallback.data && !fallback.isError),
              shown: results.length,
            })}
          </p>
          {searching ? (
            <Link
              href={`/search?q=${encodeURIComponent(query)}`}
              onClick={() => setOpen(false)}
              className="shrink-0 font-medium text-accent-700 hover:underline"
            >
              All results
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function suggestionStatus({
  failed,
  pending,
  shown,
}: {
  failed: boolean;
  pending: boolean;
  shown: number;
}) {
  if (failed) return 'Suggestions are unavailable right now — press Enter to search.';
  if (pending) return 'Searching…';
  if (shown === 0) return 'No suggestions — press Enter to search.';
  return `${shown} ${shown === 1 ? 'suggestion' : 'suggestions'}`;
}
