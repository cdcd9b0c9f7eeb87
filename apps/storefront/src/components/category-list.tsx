import type { Category } from '@shop/api/client';
import { ProductImage } from '@shop/ui';
import Link from 'next/link';

/** Each category as a link card: artwork, name and its one-line description. */
export function CategoryList({ categories }: { categories: Category[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {categories.map((category) => (
        <li key={category.slug}>
          <Link
            href={`/categories/${category.slug}`}
            data-testid="category-link"
            className="group flex items-center gap-4 rounded-card border border-line bg-surface p-3 shadow-card transition-shadow hover:shadow-raised"
          >
            <span className="size-16 shrink-0 overflow-hidden rounded-control">
              <ProductImage slug={category.slug} name={category.name} shape="square" decorative />
            </span>
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-ink">{category.name}</span>
              {category.description ? (
                <span className="mt-0.5 line-clamp-2 block text-sm text-ink-muted">
                  {category.description}
                </span>
              ) : null}
            </span>
            <span
              aria-hidden="true"
              className="pr-2 text-ink-subtle transition-transform group-hover:translate-x-0.5"
            >
              →
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
