import type { CategoryNode } from '@shop/api/client';
import type { Route } from 'next';
import Link from 'next/link';

/**
 * The top-level categories as tiles: generated art, name, description and a few subcategory
 * links. The artwork is an inline CSS gradient from the slug (no image request for decoration).
 */
export function CategoryList({ categories }: { categories: CategoryNode[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {categories.map((category) => (
        <li
          key={category.slug}
          className="relative flex flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card transition-shadow focus-within:shadow-raised hover:shadow-raised"
        >
          <span
            aria-hidden="true"
            className="h-20"
            style={{ background: gradientFor(category.slug) }}
          />
          <div className="flex flex-1 flex-col p-4">
            <Link
              href={`/categories/${category.slug}` as Route}
              data-testid="category-link"
              className="font-semibold text-ink after:absolute after:inset-0 after:rounded-card focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-accent-600"
            >
              {category.name}
            </Link>
            {category.description ? (
              <p className="mt-1 line-clamp-2 text-sm text-ink-muted">{category.description}</p>
            ) : null}
            {category.children.length > 0 ? (
              <ul className="relative z-10 mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                {category.children.slice(0, 4).map((child) => (
                  <li key={child.slug}>
                    <Link
                      href={`/categories/${child.slug}` as Route}
                      className="text-accent-700 hover:underline"
                    >
                      {child.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function gradientFor(slug: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < slug.length; index++) {
    hash = Math.imul(hash ^ slug.charCodeAt(index), 0x01000193);
  }
  const hue = (hash >>> 0) % 360;
  return `linear-gradient(135deg, hsl(${hue} 40% 86%), hsl(${(hue + 40) % 360} 45% 72%))`;
}
