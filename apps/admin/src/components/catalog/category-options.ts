import type { RouterOutputs } from '@shop/api/client';

type CategoryNode = RouterOutputs['product']['categoryTree']['items'][number];

/** A category as pickers list it: tree order, with its depth for indentation. */
export interface CategoryOption {
  slug: string;
  name: string;
  depth: number;
  parentSlug: string | null;
  /** "Home › Lighting", for selects that cannot indent. */
  path: string;
  /** Root first; a category cannot move under itself or anything below it. */
  ancestorSlugs: string[];
}

/** The tree flattened in display order (parents before their children). */
export function categoryOptionsOf(tree: readonly CategoryNode[]): CategoryOption[] {
  const walk = (nodes: readonly CategoryNode[], trail: CategoryNode[]): CategoryOption[] =>
    nodes.flatMap((node) => [
      {
        slug: node.slug,
        name: node.name,
        depth: trail.length,
        parentSlug: node.parentSlug,
        path: [...trail, node].map((entry) => entry.name).join(' › '),
        ancestorSlugs: trail.map((entry) => entry.slug),
      },
      ...walk(node.children, [...trail, node]),
    ]);
  return walk(tree, []);
}
