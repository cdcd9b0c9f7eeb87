'use client';

import type { RouterOutputs } from '@shop/api/client';
import { formatMoney } from '@shop/money';
import {
  Badge,
  Button,
  EmptyState,
  Notice,
  SelectField,
  Table,
  TextField,
  type TableColumn,
} from '@shop/ui';
import type { FormState } from '@shop/ui/form';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { bulkProducts } from '@/app/catalog/actions';
import { productStatusLabels } from './catalog-labels';
import type { CategoryOption } from './category-options';

type ProductRow = RouterOutputs['product']['adminList']['items'][number];
type BulkActionName = 'publish' | 'archive' | 'moveToCategory' | 'changePrice' | 'changePercent';

const actionLabels: Record<BulkActionName, string> = {
  publish: 'Publish',
  archive: 'Archive',
  moveToCategory: 'Move to category',
  changePrice: 'Change price by an amount',
  changePercent: 'Change price by a percent',
};

function stockSummary(product: ProductRow): {
  label: string;
  tone: 'success' | 'warning' | 'danger';
} {
  const available = product.variants.reduce((sum, variant) => sum + variant.available, 0);
  if (!product.inStock) return { label: 'Out of stock', tone: 'danger' };
  if (product.variants.some((variant) => variant.lowStock)) {
    return { label: `${available} available, some low`, tone: 'warning' };
  }
  return { label: `${available} available`, tone: 'success' };
}

function priceOf(product: ProductRow): string {
  const low = formatMoney(product.priceMinMinor, product.currency);
  return product.priceMaxMinor > product.priceMinMinor
    ? `${low} – ${formatMoney(product.priceMaxMinor, product.currency)}`
    : low;
}

/** A key for one confirmed bulk action: a retry of the same confirmation reuses it. */
function newBulkKey(): string {
  return `bulk-${crypto.randomUUID()}`;
}

/**
 * The product table with row selection (checkboxes: Tab to one, Space to tick; "Select all on
 * this page" in the header) and bulk actions that ask for confirmation first.
 */
export function ProductListTable({
  items,
  caption,
  categories,
  canWrite,
  filtered,
}: {
  items: ProductRow[];
  caption: string;
  categories: CategoryOption[];
  canWrite: boolean;
  filtered: boolean;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<BulkActionName>('publish');
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState<{ key: string } | null>(null);
  const [state, setState] = useState<FormState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const message = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The page's rows changed (filters, paging, a finished action): drop ids no longer shown.
    setSelected(
      (current) => new Set(items.filter((item) => current.has(item.id)).map((item) => item.id)),
    );
  }, [items]);
  useEffect(() => {
    if (confirming) dialog.current?.showModal();
    else dialog.current?.close();
  }, [confirming]);
  useEffect(() => {
    if (state.status !== 'idle') message.current?.focus();
  }, [state]);

  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const needsValue =
    action === 'moveToCategory' || action === 'changePrice' || action === 'changePercent';
  const describe = () => {
    const count = `${selected.size} product${selected.size === 1 ? '' : 's'}`;
    switch (action) {
      case 'publish':
        return `Publish ${count}? Shoppers will see them within seconds. Products missing what the shop needs are left as they are.`;
      case 'archive':
        return `Archive ${count}? Shoppers will no longer see them.`;
      case 'moveToCategory':
        return `Move ${count} to ${categories.find((category) => category.slug === value)?.path ?? 'the chosen category'}? They leave their other categories.`;
      case 'changePrice':
        return `Change every variant's price of ${count} by ${value} EUR?`;
      case 'changePercent':
        return `Change every variant's price of ${count} by ${value} %? Prices are rounded to the cent.`;
    }
  };

  const run = () => {
    if (!confirming) return;
    const key = confirming.key;
    startTransition(async () => {
      const result = await bulkProducts({ key, ids: [...selected], action, value }).catch(
        (): FormState => ({
          status: 'error',
          message: 'That did not go through. Check your connection and try again.',
        }),
      );
      setState(result);
      setConfirming(null);
      // A field error (a bad amount) changed nothing; anything else may have changed rows.
      if (!result.fieldErrors) router.refresh();
    });
  };

  const columns: TableColumn<ProductRow>[] = [
    ...(canWrite
      ? [
          {
            key: 'select',
            header: (
              <input
                type="checkbox"
                aria-label="Select all products on this page"
                checked={allSelected}
                onChange={() =>
                  setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))
                }
                className="size-4"
              />
            ),
            cell: (product: ProductRow) => (
              <input
                type="checkbox"
                aria-label={`Select ${product.name}`}
                checked={selected.has(product.id)}
                onChange={() => toggle(product.id)}
                className="size-4"
                data-testid="select-product"
              />
            ),
          },
        ]
      : []),
    {
      key: 'product',
      header: 'Product',
      rowHeader: true,
      cell: (product) => (
        <>
          <Link
            href={`/catalog/${product.id}` as Route}
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            {product.name}
          </Link>
          <span className="block font-mono text-xs font-normal text-ink-subtle">
            {product.variants.length} variant{product.variants.length === 1 ? '' : 's'}
            {/* The address is long; phones show it in the editor instead. */}
            <span className="hidden sm:inline"> · {product.slug}</span>
          </span>
          {/* Phones have no room for the Status column: the badge sits under the name. */}
          <span className="mt-1 block sm:hidden">
            <Badge tone={productStatusLabels[product.status].tone}>
              {productStatusLabels[product.status].label}
            </Badge>
          </span>
        </>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      hideBelow: 'sm',
      cell: (product) => {
        const status = productStatusLabels[product.status];
        return <Badge tone={status.tone}>{status.label}</Badge>;
      },
    },
    {
      key: 'brand',
      header: 'Brand',
      hideBelow: 'md',
      className: 'text-ink-muted',
      cell: (product) => product.brand,
    },
    {
      key: 'stock',
      header: 'Stock',
      hideBelow: 'sm',
      cell: (product) => {
        const stock = stockSummary(product);
        return <Badge tone={stock.tone}>{stock.label}</Badge>;
      },
    },
    {
      key: 'price',
      header: 'Price',
      align: 'end',
      className: 'whitespace-nowrap tabular-nums',
      cell: priceOf,
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      {canWrite ? (
        <section
          aria-label="Bulk actions"
          className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4 shadow-card sm:flex-row sm:flex-wrap sm:items-end"
        >
          <p className="text-sm font-medium text-ink sm:basis-full" aria-live="polite">
            {selected.size === 0
              ? 'Select products to publish, archive, move or reprice them together.'
              : `${selected.size} selected`}
          </p>
          <SelectField
            label="Action"
            value={action}
            onChange={(event) => {
              setAction(event.target.value as BulkActionName);
              setValue('');
              setState({ status: 'idle' });
            }}
            options={Object.entries(actionLabels).map(([key, label]) => ({ value: key, label }))}
          />
          {action === 'moveToCategory' ? (
            <SelectField
              label="Category"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              options={[
                { value: '', label: 'Choose a category' },
                ...categories.map((category) => ({ value: category.slug, label: category.path })),
              ]}
              error={state.fieldErrors?.value}
            />
          ) : null}
          {action === 'changePrice' || action === 'changePercent' ? (
            <TextField
              label={action === 'changePrice' ? 'Amount (EUR, − to lower)' : 'Percent (− to lower)'}
              value={value}
              inputMode="decimal"
              autoComplete="off"
              placeholder={action === 'changePrice' ? '-2.50' : '10'}
              onChange={(event) => setValue(event.target.value)}
              error={state.fieldErrors?.value}
            />
          ) : null}
          <Button
            variant="secondary"
            disabled={selected.size === 0 || (needsValue && !value.trim()) || pending}
            onClick={() => {
              setState({ status: 'idle' });
              setConfirming({ key: newBulkKey() });
            }}
          >
            {actionLabels[action]}…
          </Button>
        </section>
      ) : null}
      <div ref={message} tabIndex={-1} className="focus:outline-none">
        {state.status !== 'idle' && state.message ? (
          <Notice
            tone={state.status === 'error' ? 'danger' : 'success'}
            title={state.message}
            data-testid={`bulk-${state.status}`}
          />
        ) : null}
      </div>
      <Table
        framed
        tableClassName="sm:min-w-[36rem]"
        caption={caption}
        columns={columns}
        rows={items}
        rowKey={(product) => product.id}
        rowProps={() => ({ 'data-testid': 'product-row' })}
        empty={
          <EmptyState
            title={filtered ? 'No product matches these filters' : 'No products yet'}
            description={
              filtered
                ? 'Try another filter or clear them.'
                : canWrite
                  ? 'Add the first one.'
                  : undefined
            }
          />
        }
      />
      <dialog
        ref={dialog}
        aria-labelledby="bulk-confirm-title"
        onCancel={() => setConfirming(null)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-line bg-surface p-5 text-ink shadow-card backdrop:bg-ink/40"
      >
        <h2 id="bulk-confirm-title" className="text-lg font-semibold">
          {actionLabels[action]}
        </h2>
        <p className="mt-2 text-sm text-ink-muted">{confirming ? describe() : null}</p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={() => setConfirming(null)} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={run} disabled={pending} data-testid="confirm-bulk">
            {pending ? 'Working…' : `Yes, ${actionLabels[action].toLowerCase()}`}
          </Button>
        </div>
      </dialog>
    </div>
  );
}
