import { Badge, Notice, PageHeader, Table } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Stock history' };

const reasonLabels: Record<string, string> = {
  received: 'Received',
  damaged: 'Damaged',
  counted: 'Counted',
  returned: 'Returned',
  initial: 'Starting stock',
  other: 'Other',
};
const sourceLabels: Record<string, string> = {
  inventory: 'Inventory page',
  editor: 'Product editor',
  csv: 'CSV import',
  api: 'API',
};

/** One SKU's counts and every movement, newest first: who, when, why. */
export default async function StockHistoryPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku: raw } = await params;
  const sku = decodeURIComponent(raw).toUpperCase();
  const session = await requirePermission('catalog:read', `/inventory/${raw}`);
  const valid = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(sku) && sku.length <= 64;
  const history = valid
    ? await callCell(({ signal }) =>
        cellsAs(session).product.stockMovements.query({ sku }, { signal }),
      )
    : null;
  const item = history?.ok ? history.data.item : null;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Inventory"
        title={`Stock history of ${sku}`}
        description={
          item
            ? `${item.productName}${item.variantLabel ? ` · ${item.variantLabel}` : ''}: ${item.onHand} on hand, ${item.reserved} reserved, ${item.available} available (low at ${item.lowStockThreshold}).`
            : undefined
        }
        actions={
          <Link href="/inventory" className="text-sm font-medium underline">
            All stock
          </Link>
        }
      />
      {!history || !history.ok ? (
        <Notice tone="danger" title={valid ? 'This SKU could not be loaded' : 'No such SKU'}>
          {valid
            ? 'It may not exist, or the catalogue service did not answer.'
            : 'Check the address.'}
        </Notice>
      ) : (
        <Table
          framed
          caption="Movements, newest first"
          captionVisible
          columns={[
            {
              key: 'at',
              header: 'When',
              rowHeader: true,
              cell: (m) => new Date(m.at).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC',
            },
            {
              key: 'delta',
              header: 'Change',
              align: 'end',
              cell: (m) => (
                <Badge tone={m.delta > 0 ? 'success' : 'warning'}>
                  {m.delta > 0 ? `+${m.delta}` : m.delta}
                </Badge>
              ),
            },
            {
              key: 'after',
              header: 'On hand',
              align: 'end',
              cell: (m) => `${m.onHandBefore} → ${m.onHandAfter}`,
              hideBelow: 'sm',
            },
            {
              key: 'reason',
              header: 'Reason',
              cell: (m) => (
                <span className="flex flex-col">
                  <span>{reasonLabels[m.reason] ?? m.reason}</span>
                  {m.note ? <span className="text-ink-muted">{m.note}</span> : null}
                </span>
              ),
            },
            {
              key: 'who',
              header: 'By',
              cell: (m) => (
                <span className="flex flex-col break-all">
                  <span>{m.actorEmail ?? 'System'}</span>
                  <span className="text-ink-muted">{sourceLabels[m.source] ?? m.source}</span>
                </span>
              ),
              hideBelow: 'md',
            },
          ]}
          rows={history.data.movements}
          rowKey={(m) => m.id}
          rowProps={() => ({ 'data-testid': 'movement-row' })}
          empty={<p className="p-5 text-sm text-ink-muted">No movements recorded yet.</p>}
        />
      )}
    </div>
  );
}
