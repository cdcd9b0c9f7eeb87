/** The category tree as the search cell needs it: names for labels, ancestors for facets. */
export interface CategoryNodeInfo {
  slug: string;
  name: string;
  parentSlug: string | null;
  /** Root first. */
  ancestorSlugs: string[];
  /** The stored `updatedAt`: a change anywhere in the tree rebuilds the index. */
  version: number;
}

export class CategoryTree {
  private readonly bySlug: Map<string, CategoryNodeInfo>;

  constructor(categories: readonly CategoryNodeInfo[]) {
    this.bySlug = new Map(categories.map((category) => [category.slug, category]));
  }

  get(slug: string): CategoryNodeInfo | undefined {
    return this.bySlug.get(slug);
  }

  all(): IterableIterator<CategoryNodeInfo> {
    return this.bySlug.values();
  }

  /**
   * The product's categories plus every ancestor: a product in Home > Lighting is found and
   * counted under Home too. Unknown slugs are kept (the product cell may add the category a
   * moment later).
   */
  expand(slugs: readonly string[]): string[] {
    const expanded = new Set<string>();
    for (const slug of slugs) {
      for (const ancestor of this.bySlug.get(slug)?.ancestorSlugs ?? []) expanded.add(ancestor);
      expanded.add(slug);
    }
    return [...expanded];
  }

  /** Changes whenever a category is added, edited, moved or deleted. */
  signature(): string {
    return [...this.bySlug.values()]
      .map((category) => `${category.slug}@${category.version}`)
      .sort()
      .join('|');
  }

  nameOf(slug: string): string {
    return this.bySlug.get(slug)?.name ?? slug;
  }
}
