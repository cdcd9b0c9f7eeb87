import type { CategoryNode } from '@shop/api/client';
import type { MetadataRoute } from 'next';
import { getCategoryTree, getSitemapEntries } from '@/server/catalogue';
import { absoluteUrl } from '@/server/site-url';

// Built from the cells at request time (cached reads), never at `next build`.
export const dynamic = 'force-dynamic';

/** One sitemap holds at most 50,000 URLs; past that it would need an index of sitemaps. */
const maxEntries = 50_000;

function flatten(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries: MetadataRoute.Sitemap = [
    { url: absoluteUrl('/'), changeFrequency: 'daily', priority: 1 },
  ];
  const tree = await getCategoryTree();
  if (tree.ok) {
    for (const category of flatten(tree.data.items)) {
      entries.push({
        url: absoluteUrl(`/categories/${category.slug}`),
        changeFrequency: 'daily',
        priority: 0.8,
      });
    }
  }
  for (let page = 1; entries.length < maxEntries; page++) {
    const result = await getSitemapEntries(page);
    if (!result.ok) break;
    for (const item of result.data.items) {
      entries.push({
        url: absoluteUrl(`/products/${item.slug}`),
        lastModified: item.updatedAt,
        changeFrequency: 'weekly',
        priority: 0.6,
      });
    }
    if (!result.data.hasMore || result.data.items.length === 0) break;
  }
  return entries.slice(0, maxEntries);
}
