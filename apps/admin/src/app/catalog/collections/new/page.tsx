import { PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { CollectionEditor } from '@/components/catalog/collection-editor';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New collection' };

/** A new collection (catalog:write). */
export default async function NewCollectionPage() {
  const session = await requirePermission('catalog:write', '/catalog/collections/new');
  const cells = cellsAs(session);
  const [tree, brands] = await Promise.all([
    callCell(({ signal }) => cells.product.categoryTree.query(undefined, { signal })),
    callCell(({ signal }) => cells.product.adminList.query({ pageSize: 1 }, { signal })),
  ]);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader eyebrow="Catalog · Collections" title="New collection" />
      <CollectionEditor
        categories={tree.ok ? categoryOptionsOf(tree.data.items) : []}
        brands={brands.ok ? brands.data.brands : []}
        canWrite
      />
    </div>
  );
}
