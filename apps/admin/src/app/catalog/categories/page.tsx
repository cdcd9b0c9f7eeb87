import { Card, CardBody, CardHeader, EmptyState, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import {
  EditCategoryForm,
  NewCategoryForm,
  ReorderButtons,
} from '@/components/catalog/category-forms';
import { categoryOptionsOf, type CategoryOption } from '@/components/catalog/category-options';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Categories' };

/** The category tree: create, rename, move under another parent, reorder among siblings. */
export default async function CategoriesPage() {
  const session = await requirePermission('catalog:read', '/catalog/categories');
  const canWrite = session.permissions.has('catalog:write');
  const tree = await callCell(({ signal }) =>
    cellsAs(session).product.categoryTree.query(undefined, { signal }),
  );
  const categories = tree.ok ? categoryOptionsOf(tree.data.items) : [];
  const siblingsOf = (category: CategoryOption) =>
    categories
      .filter((entry) => entry.parentSlug === category.parentSlug)
      .map((entry) => entry.slug);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog"
        title="Categories"
        description="The shop's navigation, in the order shoppers see it. Changes reach the shop within seconds."
      />
      {!tree.ok ? (
        <Notice tone="degraded" title="Categories cannot be shown right now">
          The catalogue service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <Card>
          <CardHeader title={`Category tree (${categories.length})`} />
          <CardBody>
            {categories.length === 0 ? (
              <EmptyState title="No categories yet" />
            ) : (
              <ul aria-label="Category tree" className="flex flex-col divide-y divide-line">
                {categories.map((category) => (
                  <li
                    key={category.slug}
                    data-testid="category-row"
                    className="py-2"
                    style={{ paddingInlineStart: `${category.depth * 1.25}rem` }}
                  >
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="text-sm font-medium text-ink">
                        {category.name}
                        <span className="ml-2 font-mono text-xs font-normal text-ink-subtle">
                          {category.slug}
                        </span>
                      </p>
                      {canWrite ? (
                        <ReorderButtons category={category} siblings={siblingsOf(category)} />
                      ) : null}
                    </div>
                    {canWrite ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-sm text-accent-700">
                          Rename or move {category.name}
                        </summary>
                        <EditCategoryForm category={category} categories={categories} />
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      )}
      {canWrite && tree.ok ? (
        <Card>
          <CardHeader title="New category" />
          <CardBody>
            <NewCategoryForm categories={categories} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
