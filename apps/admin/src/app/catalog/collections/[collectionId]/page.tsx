import { Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { collectionDraftOf } from '@/components/catalog/collection-draft';
import { CollectionEditor } from '@/components/catalog/collection-editor';
import { DeleteCollectionForm } from '@/components/catalog/delete-collection-form';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit collection' };

/** One collection in the editor (catalog:write edits; catalog:read sees it locked). */
export default async function CollectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ collectionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { collectionId } = await params;
  const justSaved = typeof (await searchParams).saved === 'string';
  const session = await requirePermission('catalog:read', `/catalog/collections/${collectionId}`);
  if (!/^[0-9a-f]{24}$/.test(collectionId)) notFound();
  const cells = cellsAs(session);
  const canWrite = session.permissions.has('catalog:write');
  const [collection, tree, brands] = await Promise.all([
    callCell(({ signal }) => cells.product.collectionById.query({ id: collectionId }, { signal })),
    callCell(({ signal }) => cells.product.categoryTree.query(undefined, { signal })),
    callCell(({ signal }) => cells.product.adminList.query({ pageSize: 1 }, { signal })),
  ]);
  if (!collection.ok && collection.failure === 'not-found') notFound();
  if (!collection.ok) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-6">
        <PageHeader eyebrow="Catalog · Collections" title="Collection" />
        <Notice tone="degraded" title="This collection cannot be shown right now">
          The catalogue service is not answering. Reload the page in a moment.
        </Notice>
      </div>
    );
  }
  const { data } = collection;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog · Collections"
        title={data.title}
        description={`In the shop at /collections/${data.handle} · ${data.activeProductCount} product${data.activeProductCount === 1 ? '' : 's'} shown · version ${data.version}`}
      />
      {justSaved ? (
        <Notice tone="success" title="Collection saved" data-testid="collection-saved">
          The shop shows the change within seconds.
        </Notice>
      ) : null}
      <CollectionEditor
        key={`${data.id}-${data.version}`}
        collectionId={data.id}
        version={data.version}
        initial={collectionDraftOf(data)}
        initialProducts={data.products.map(({ id, name, slug, status }) => ({
          id,
          name,
          slug,
          status,
        }))}
        categories={tree.ok ? categoryOptionsOf(tree.data.items) : []}
        brands={brands.ok ? brands.data.brands : []}
        canWrite={canWrite}
      />
      {canWrite ? <DeleteCollectionForm id={data.id} title={data.title} /> : null}
    </div>
  );
}
