import { Badge, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { productStatusLabels } from '@/components/catalog/catalog-labels';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { draftOf } from '@/components/catalog/editor-values';
import { ProductEditor } from '@/components/catalog/product-editor';
import { ProductCollectionsPanel } from '@/components/catalog/product-collections-panel';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit product' };

/** One product in the editor (catalog:write edits; catalog:read sees it locked). */
export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productId } = await params;
  const query = await searchParams;
  const justCreated = query.created === '1';
  const justSaved = typeof query.saved === 'string';
  const session = await requirePermission('catalog:read', `/catalog/${productId}`);
  if (!/^[0-9a-f]{24}$/.test(productId)) notFound();
  const cells = cellsAs(session);
  const [product, tree] = await Promise.all([
    callCell(({ signal }) => cells.product.byId.query({ id: productId }, { signal })),
    callCell(({ signal }) => cells.product.categoryTree.query(undefined, { signal })),
  ]);
  if (!product.ok && product.failure === 'not-found') notFound();
  if (!product.ok || !tree.ok) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-6">
        <PageHeader eyebrow="Catalog" title="Product" />
        <Notice tone="degraded" title="This product cannot be shown right now">
          The catalogue service is not answering. Reload the page in a moment.
        </Notice>
      </div>
    );
  }
  const status = productStatusLabels[product.data.status];
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog"
        title={product.data.name}
        description={`Version ${product.data.version} · last changed ${product.data.updatedAt.slice(0, 16).replace('T', ' ')} UTC`}
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      {justCreated ? (
        <Notice tone="success" title="Product created" data-testid="product-created">
          {product.data.status === 'active'
            ? 'It is live in the shop.'
            : 'It is a draft: shoppers see it once you publish it.'}
        </Notice>
      ) : justSaved ? (
        <Notice tone="success" title="Product saved" data-testid="product-saved">
          {product.data.status === 'active'
            ? 'Shoppers and search see the change within seconds.'
            : 'It is not for sale while it is a draft or archived.'}
        </Notice>
      ) : null}
      <ProductEditor
        // A new version (after a save or a reload) opens a fresh form.
        key={`${product.data.id}-${product.data.version}`}
        productId={product.data.id}
        version={product.data.version}
        initial={draftOf(product.data)}
        categories={categoryOptionsOf(tree.data.items)}
        canWrite={session.permissions.has('catalog:write')}
      />
      <ProductCollectionsPanel productId={product.data.id} session={session} />
    </div>
  );
}
