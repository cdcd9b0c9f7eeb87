import type { Category, CategoryNode } from './views';

interface StoredCategory {
  slug: string;
  name: string;
  description?: string | null;
  parentSlug?: string | null;
  ancestorSlugs: string[];
  position?: number | null;
}

export function toCategory(stored: StoredCategory): Category {
  return {
    slug: stored.slug,
    name: stored.name,
    description: stored.description ?? '',
    parentSlug: stored.parentSlug ?? null,
    ancestorSlugs: [...stored.ancestorSlugs],
  };
}

const bySiblingOrder = (a: StoredCategory, b: StoredCategory) =>
  (a.position ?? 0) - (b.position ?? 0) || a.name.localeCompare(b.name);

/**
 * The category tree built from a flat list. A category whose parent is missing (deleted or not
 * yet written) is shown at the top level rather than lost.
 */
export function buildCategoryTree(stored: readonly StoredCategory[]): CategoryNode[] {
  const slugs = new Set(stored.map((category) => category.slug));
  const childrenOf = new Map<string | null, StoredCategory[]>();
  for (const category of stored) {
    const parent =
      category.parentSlug && slugs.has(category.parentSlug) ? category.parentSlug : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }
  const visit = (parent: string | null, seen: Set<string>): CategoryNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(bySiblingOrder)
      .filter((category) => !seen.has(category.slug))
      .map((category) => {
        const path = new Set(seen).add(category.slug);
        return { ...toCategory(category), children: visit(category.slug, path) };
      });
  return visit(null, new Set());
}

/** The tree flattened depth-first: each category followed by its children, in display order. */
export function flattenTree(nodes: readonly CategoryNode[]): Category[] {
  return nodes.flatMap(({ children, ...category }) => [category, ...flattenTree(children)]);
}

/** Root first, ending with `category` itself. */
export function breadcrumbsOf(
  category: StoredCategory,
  all: readonly StoredCategory[],
): { slug: string; name: string }[] {
  const names = new Map(all.map((entry) => [entry.slug, entry.name]));
  return [...category.ancestorSlugs, category.slug].map((slug) => ({
    slug,
    name: names.get(slug) ?? slug,
  }));
}
