import { Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { ProductEditor } from '@/components/catalog/product-editor';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New product' };

/** A new product, saved as a draft unless its status says otherwise. */
export default async function NewProductPage() {
  const session = await requirePermission('catalog:write', '/catalog/new');
  const tree = await callCell(({ signal }) =>
    cellsAs(session).product.categoryTree.query(undefined, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog"
        title="New product"
        description="Start as a draft; publish once it has a description, a category and prices."
      />
      {tree.ok ? (
        <ProductEditor categories={categoryOptionsOf(tree.data.items)} canWrite />
      ) : (
        <Notice tone="degraded" title="The editor cannot open right now">
          The catalogue service is not answering. Reload the page in a moment.
        </Notice>
      )}
    </div>
  );
}
