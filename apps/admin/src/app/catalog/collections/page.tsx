import { Badge, EmptyState, Notice, PageHeader, Table, buttonClassNames } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Collections' };

const pageSize = 24;

/** Every collection: manual lists and rule-based ones, with what shoppers see in each. */
export default async function CollectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('catalog:read', '/catalog/collections');
  const canWrite = session.permissions.has('catalog:write');
  const query = await searchParams;
  const page = Math.max(1, Math.min(1000, Number(query.page) || 1));
  const collections = await callCell(({ signal }) =>
    cellsAs(session).product.adminCollections.query({ page, pageSize }, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog"
        title="Collections"
        description="Groups of products with their own page in the shop: picked by hand, or by rules such as “tag is summer”."
        actions={
          canWrite ? (
            <Link href="/catalog/collections/new" className={buttonClassNames({})}>
              New collection
            </Link>
          ) : null
        }
      />
      {!collections.ok ? (
        <Notice tone="degraded" title="Collections cannot be shown right now">
          The catalogue service is not answering. Reload the page in a moment.
        </Notice>
      ) : collections.data.items.length === 0 ? (
        <EmptyState
          title="No collections yet"
          description="A collection gathers products for a season, a brand or a price range."
        />
      ) : (
        <Table
          caption="Collections"
          framed
          rowProps={() => ({ 'data-testid': 'collection-row' })}
          rows={collections.data.items}
          rowKey={(row) => row.id}
          columns={[
            {
              key: 'title',
              header: 'Title',
              rowHeader: true,
              cell: (row) => (
                <Link
                  href={`/catalog/collections/${row.id}` as Route}
                  className="font-medium text-accent-700 hover:underline"
                >
                  {row.title}
                </Link>
              ),
            },
            {
              key: 'handle',
              header: 'Address',
              hideBelow: 'sm',
              cell: (row) => <span className="font-mono text-xs">/collections/{row.handle}</span>,
            },
            {
              key: 'kind',
              header: 'Kind',
              cell: (row) => (
                <Badge tone={row.kind === 'rule' ? 'info' : 'neutral'}>
                  {row.kind === 'rule' ? 'Rules' : 'Manual'}
                </Badge>
              ),
            },
            {
              key: 'count',
              header: 'Shown',
              align: 'end',
              cell: (row) => `${row.activeProductCount}`,
            },
          ]}
        />
      )}
      {collections.ok && collections.data.totalCount > pageSize ? (
        <nav aria-label="Pagination" className="flex justify-between text-sm">
          {page > 1 ? (
            <Link href={`/catalog/collections?page=${page - 1}` as Route}>Previous</Link>
          ) : (
            <span />
          )}
          {collections.data.hasMore ? (
            <Link href={`/catalog/collections?page=${page + 1}` as Route}>Next</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
