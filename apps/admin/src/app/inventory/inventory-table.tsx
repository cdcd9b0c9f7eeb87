'use client';

import type { RouterOutputs } from '@shop/api/client';
import { Badge, Button, EmptyState, Notice, Table, type TableColumn } from '@shop/ui';
import type { FormState } from '@shop/ui/form';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { adjustStockFromDialog, setThresholdFromDialog } from './actions';

type Row = RouterOutputs['product']['inventoryList']['items'][number];

const reasons = [
  { value: 'received', label: 'Received (a delivery)' },
  { value: 'damaged', label: 'Damaged or lost' },
  { value: 'counted', label: 'Counted (stock take)' },
  { value: 'returned', label: 'Returned by a customer' },
] as const;

const fieldClass =
  'h-10 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink';

/** The stock table; each row opens the adjust dialog (catalog managers) and its history. */
export function InventoryTable({
  items,
  canWrite,
  filtered,
}: {
  items: Row[];
  canWrite: boolean;
  filtered: boolean;
}) {
  const [editing, setEditing] = useState<Row | null>(null);
  const [notice, setNotice] = useState<FormState | null>(null);
  const columns: TableColumn<Row>[] = [
    {
      key: 'sku',
      header: 'SKU',
      rowHeader: true,
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-mono text-xs">{row.sku}</span>
          <span className="text-ink-muted">
            {row.productName}
            {row.variantLabel ? ` · ${row.variantLabel}` : ''}
          </span>
        </span>
      ),
    },
    { key: 'onHand', header: 'On hand', align: 'end', cell: (row) => row.onHand, hideBelow: 'sm' },
    {
      key: 'reserved',
      header: 'Reserved',
      align: 'end',
      cell: (row) => row.reserved,
      hideBelow: 'md',
    },
    {
      key: 'available',
      header: 'Available',
      align: 'end',
      cell: (row) => (
        <span className="flex flex-col items-end gap-1">
          <span className="font-semibold">{row.available}</span>
          {row.low ? (
            <Badge tone={row.available === 0 ? 'danger' : 'warning'}>
              {row.available === 0 ? 'Out' : 'Low'}
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      key: 'threshold',
      header: 'Low at',
      align: 'end',
      cell: (row) => row.lowStockThreshold,
      hideBelow: 'md',
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'end',
      cell: (row) => (
        <span className="flex flex-wrap justify-end gap-2">
          {canWrite ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setEditing(row)}
              aria-label={`Adjust ${row.sku}`}
            >
              Adjust
            </Button>
          ) : null}
          <Link
            href={`/inventory/${encodeURIComponent(row.sku)}` as Route}
            className="text-sm font-medium underline"
            aria-label={`History of ${row.sku}`}
          >
            History
          </Link>
        </span>
      ),
    },
  ];
  return (
    <div className="flex flex-col gap-3">
      {notice?.message ? (
        <Notice tone={notice.status === 'success' ? 'success' : 'danger'} title={notice.message} />
      ) : null}
      <Table
        framed
        caption="Stock per SKU"
        columns={columns}
        rows={items}
        rowKey={(row) => row.sku}
        rowProps={() => ({ 'data-testid': 'inventory-row' })}
        empty={
          <EmptyState
            title={filtered ? 'No SKU matches' : 'No stock yet'}
            description={filtered ? 'Try another search or clear the filter.' : undefined}
          />
        }
      />
      {editing ? (
        <AdjustDialog
          row={editing}
          onClose={(result) => {
            setEditing(null);
            if (result) setNotice(result);
          }}
        />
      ) : null}
    </div>
  );
}

function AdjustDialog({ row, onClose }: { row: Row; onClose: (result?: FormState) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [mode, setMode] = useState<'change' | 'count'>('change');
  const [state, setState] = useState<FormState | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const amountError = state?.fieldErrors?.amount;
  const thresholdError = state?.fieldErrors?.threshold;

  return (
    <dialog
      ref={dialog}
      aria-labelledby="adjust-title"
      onCancel={() => onClose()}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-card border border-line bg-surface p-5 text-ink shadow-card backdrop:bg-ink/40"
    >
      <h2 id="adjust-title" className="text-lg font-semibold">
        Adjust {row.sku}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        {row.onHand} on hand, {row.reserved} reserved, {row.available} available.
      </p>
      <form
        className="mt-4 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(async () => {
            const result = await adjustStockFromDialog({
              sku: row.sku,
              mode,
              amount: String(form.get('amount') ?? ''),
              reason: String(form.get('reason') ?? ''),
              note: String(form.get('note') ?? ''),
            });
            if (result.status === 'success') {
              router.refresh();
              onClose(result);
            } else setState(result);
          });
        }}
      >
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 text-sm font-medium">Change</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === 'change'}
              onChange={() => setMode('change')}
            />
            Add or remove units
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === 'count'}
              onChange={() => setMode('count')}
            />
            Set the counted units
          </label>
        </fieldset>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="adjust-amount" className="text-sm font-medium">
            {mode === 'change' ? 'Units (negative removes)' : 'Units on hand'}
          </label>
          <input
            id="adjust-amount"
            name="amount"
            inputMode="numeric"
            required
            autoFocus
            aria-invalid={Boolean(amountError)}
            aria-describedby={amountError ? 'adjust-amount-error' : undefined}
            className={fieldClass}
          />
          {amountError ? (
            <p id="adjust-amount-error" className="text-sm text-danger">
              {amountError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="adjust-reason" className="text-sm font-medium">
            Reason
          </label>
          <select
            id="adjust-reason"
            name="reason"
            defaultValue={mode === 'count' ? 'counted' : 'received'}
            key={mode}
            className={fieldClass}
          >
            {reasons.map((reason) => (
              <option key={reason.value} value={reason.value}>
                {reason.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="adjust-note" className="text-sm font-medium">
            Note (optional)
          </label>
          <input id="adjust-note" name="note" maxLength={200} className={fieldClass} />
        </div>
        {state?.message ? <Notice tone="danger" title={state.message} /> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => onClose()} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} data-testid="save-adjustment">
            {pending ? 'Saving…' : 'Save adjustment'}
          </Button>
        </div>
      </form>
      <form
        className="mt-5 flex flex-wrap items-end gap-2 border-t border-line pt-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(async () => {
            const result = await setThresholdFromDialog({
              sku: row.sku,
              threshold: String(form.get('threshold') ?? ''),
            });
            if (result.status === 'success') {
              router.refresh();
              onClose(result);
            } else setState(result);
          });
        }}
      >
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor="adjust-threshold" className="text-sm font-medium">
            Low-stock threshold (available units)
          </label>
          <input
            id="adjust-threshold"
            name="threshold"
            inputMode="numeric"
            defaultValue={row.lowStockThreshold}
            aria-invalid={Boolean(thresholdError)}
            aria-describedby={thresholdError ? 'adjust-threshold-error' : undefined}
            className={fieldClass}
          />
          {thresholdError ? (
            <p id="adjust-threshold-error" className="text-sm text-danger">
              {thresholdError}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Save threshold
        </Button>
      </form>
    </dialog>
  );
}
