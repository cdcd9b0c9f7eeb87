import 'server-only';
import { Badge, Card, CardBody, CardHeader, Notice } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import type { StaffSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { AddToCollectionForm, RemoveFromCollectionButton } from './product-collections-forms';

/**
 * The product editor's "Collections" card: every collection the product is in (manual ones
 * listing it, rule ones it matches now) and, for catalog managers, adding it to a manual one.
 */
export async function ProductCollectionsPanel({
  productId,
  session,
}: {
  productId: string;
  session: StaffSession;
}) {
  const cells = cellsAs(session);
  const canWrite = session.permissions.has('catalog:write');
  const [memberships, collections] = await Promise.all([
    callCell(({ signal }) => cells.product.productCollections.query({ productId }, { signal })),
    callCell(({ signal }) =>
      cells.product.adminCollections.query({ page: 1, pageSize: 48 }, { signal }),
    ),
  ]);
  const inIds = new Set(memberships.ok ? memberships.data.items.map((entry) => entry.id) : []);
  const addable = collections.ok
    ? collections.data.items.filter((entry) => entry.kind === 'manual' && !inIds.has(entry.id))
    : [];
  return (
    <Card data-testid="product-collections">
      <CardHeader
        title="Collections"
        description="Rule collections follow the product's tags, brand, categories and price; manual ones list it by hand."
      />
      <CardBody className="flex flex-col gap-4">
        {!memberships.ok ? (
          <Notice tone="degraded" title="Collections cannot be shown right now" />
        ) : memberships.data.items.length === 0 ? (
          <p className="text-sm text-ink-muted">This product is in no collection.</p>
        ) : (
          <ul
            aria-label="Collections this product is in"
            className="flex flex-col divide-y divide-line"
          >
            {memberships.data.items.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
                  <Link
                    href={`/catalog/collections/${entry.id}` as Route}
                    className="font-medium text-accent-700 hover:underline"
                  >
                    {entry.title}
                  </Link>
                  <Badge tone={entry.kind === 'rule' ? 'info' : 'neutral'}>
                    {entry.kind === 'rule' ? 'By rules' : 'Manual'}
                  </Badge>
                </span>
                {canWrite && entry.kind === 'manual' ? (
                  <RemoveFromCollectionButton
                    collectionId={entry.id}
                    productId={productId}
                    title={entry.title}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite && addable.length > 0 ? (
          <AddToCollectionForm
            productId={productId}
            collections={addable.map(({ id, title }) => ({ id, title }))}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
