'use client';

import { useQuery } from '@tanstack/react-query';
import type { Route } from 'next';
import Link from 'next/link';
import { useTRPC } from '@/browser/trpc';

/**
 * The top-level categories as links, fetched in the browser through the gateway. The 404 page
 * uses it: fetching on the server would make every page's not-found boundary (and so pages
 * that are otherwise static) depend on the product cell.
 */
export function PopularCategories() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.product.categoryTree.queryOptions());
  const categories = tree.data?.items.slice(0, 8) ?? [];
  if (categories.length === 0) return null;
  return (
    <nav aria-labelledby="popular-categories" className="mt-10" data-testid="popular-categories">
      <h2 id="popular-categories" className="text-sm font-semibold text-ink">
        Popular categories
      </h2>
      <ul className="mt-3 flex flex-wrap justify-center gap-2">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link
              href={`/categories/${category.slug}` as Route}
              className="inline-flex h-9 items-center rounded-full border border-line-strong bg-surface px-4 text-sm font-medium text-ink shadow-card hover:bg-surface-sunken"
            >
              {category.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
