'use client';

import { Badge, Button, Notice, Table, type TableColumn } from '@shop/ui';
import { useEffect, useRef, useState } from 'react';
import {
  applyImport,
  importReport,
  importStatus,
  previewImport,
  startImport,
  uploadPart,
  type ImportView,
} from './actions';

type Preview = NonNullable<ImportView['preview']>;
type RowError = Preview['errors'][number];

/** Each part stays under the server's 1 MiB body limit even when every character takes 4 bytes. */
const partChars = 262_144;
const maxChars = partChars * 32;

const kindLabels = { products: 'Products and variants', stock: 'Stock adjustments' } as const;

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const errorColumns: TableColumn<RowError>[] = [
  { key: 'line', header: 'Line', cell: (row) => row.line, align: 'end', className: 'w-16' },
  { key: 'column', header: 'Column', cell: (row) => row.column || '—', className: 'font-mono' },
  { key: 'message', header: 'Problem', cell: (row) => row.message },
];

/**
 * Choose a CSV, see the dry run (what would be created, updated and left alone, and every bad
 * row with its line and column), then apply it; a large file's progress is polled until done.
 */
export function ImportForm() {
  const [kind, setKind] = useState<'products' | 'stock'>('products');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!view || view.status !== 'applying') return;
    const timer = setInterval(async () => {
      const next = await importStatus(view.id);
      if (next.ok) setView(next.data);
    }, 1500);
    return () => clearInterval(timer);
  }, [view]);

  useEffect(() => {
    if (view || message) status.current?.focus();
  }, [view, message]);

  async function check() {
    if (!file) {
      setMessage('Choose a CSV file first.');
      return;
    }
    setMessage(null);
    setView(null);
    setBusy('Reading the file…');
    const text = await file.text();
    if (text.length > maxChars) {
      setBusy(null);
      setMessage('The file is larger than 8 MiB: split it into several files.');
      return;
    }
    const parts: string[] = [];
    for (let start = 0; start < text.length || parts.length === 0; start += partChars) {
      parts.push(text.slice(start, start + partChars));
    }
    const started = await startImport({ kind, fileName: file.name, partCount: parts.length });
    if (!started.ok) {
      setBusy(null);
      setMessage(started.message);
      return;
    }
    for (const [index, part] of parts.entries()) {
      setBusy(`Uploading part ${index + 1} of ${parts.length}…`);
      const sent = await uploadPart({ importId: started.data.importId, index, text: part });
      if (!sent.ok) {
        setBusy(null);
        setMessage(sent.message);
        return;
      }
    }
    setBusy('Checking every row…');
    const previewed = await previewImport(started.data.importId);
    setBusy(null);
    if (!previewed.ok) setMessage(previewed.message);
    else setView(previewed.data);
  }

  async function apply() {
    if (!view) return;
    setBusy('Applying…');
    const applied = await applyImport(view.id);
    setBusy(null);
    if (!applied.ok) setMessage(applied.message);
    else setView(applied.data);
  }

  async function report() {
    if (!view) return;
    const result = await importReport(view.id);
    if (result.ok) download(result.data.fileName, result.data.text);
    else setMessage(result.message);
  }

  const preview = view?.preview ?? null;
  const errorCount = preview ? preview.errors.length + preview.moreErrors : 0;

  return (
    <div className="flex flex-col gap-5">
      <form
        className="grid gap-4 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="import-kind" className="text-sm font-medium text-ink">
            What the file holds
          </label>
          <select
            id="import-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value === 'stock' ? 'stock' : 'products')}
            className="h-10 rounded-control border border-line-strong bg-surface px-3 text-sm text-ink"
          >
            <option value="products">{kindLabels.products}</option>
            <option value="stock">{kindLabels.stock}</option>
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="import-file" className="text-sm font-medium text-ink">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setView(null);
              setMessage(null);
            }}
            className="min-w-0 text-sm text-ink file:mr-3 file:rounded-control file:border file:border-line-strong file:bg-surface file:px-3 file:py-2 file:text-sm"
          />
        </div>
        <Button type="submit" disabled={Boolean(busy)} data-testid="check-import">
          Check the file
        </Button>
      </form>

      <div
        ref={status}
        tabIndex={-1}
        aria-live="polite"
        className="flex flex-col gap-4 outline-none"
      >
        {busy ? <Notice tone="info" title={busy} /> : null}
        {message ? <Notice tone="danger" title={message} /> : null}
        {preview && view ? (
          <section
            aria-labelledby="preview-title"
            className="flex flex-col gap-4"
            data-testid="import-preview"
          >
            <h2 id="preview-title" className="text-lg font-semibold text-ink">
              {view.status === 'previewed' ? 'Dry run' : 'Import'}: {view.fileName}
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {kind === 'products' || preview.kind === 'products' ? (
                <Stat
                  label="Products"
                  value={`${preview.products.create} new, ${preview.products.update} changed, ${preview.products.unchanged} unchanged`}
                />
              ) : null}
              <Stat
                label={preview.kind === 'stock' ? 'SKUs' : 'Variants'}
                value={`${preview.variants.create} new, ${preview.variants.update} changed, ${preview.variants.unchanged} unchanged`}
              />
              <Stat label="Rows" value={String(preview.rows)} />
              <Stat label="Separator" value={preview.delimiter === ';' ? 'semicolon' : 'comma'} />
            </dl>
            {errorCount > 0 ? (
              <>
                <Notice
                  tone="danger"
                  title={`${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to fix`}
                >
                  Nothing has been changed. Fix these rows in your file and check it again.
                </Notice>
                <Table
                  framed
                  caption="Rows to fix"
                  columns={errorColumns}
                  rows={preview.errors}
                  rowKey={(row) => `${row.line}-${row.column}-${row.message}`}
                  rowProps={() => ({ 'data-testid': 'import-error' })}
                />
                {preview.moreErrors > 0 ? (
                  <p className="text-sm text-ink-muted">
                    And {preview.moreErrors} more: download the report for all of them.
                  </p>
                ) : null}
              </>
            ) : view.status === 'previewed' ? (
              <Notice tone="success" title="No problems found">
                Nothing has been changed yet. Apply the file to make these changes.
              </Notice>
            ) : null}
            {view.status === 'applying' ? (
              <div className="flex flex-col gap-2">
                <label htmlFor="import-progress" className="text-sm font-medium text-ink">
                  Applying in the background: {view.done} of {view.total}
                </label>
                <progress
                  id="import-progress"
                  max={view.total || 1}
                  value={view.done}
                  className="w-full"
                />
              </div>
            ) : null}
            {view.status === 'applied' ? (
              <Notice tone="success" title="Import applied" data-testid="import-applied">
                {view.outcome.created} rows created, {view.outcome.updated} updated,{' '}
                {view.outcome.unchanged} unchanged
                {view.outcome.failed ? `, ${view.outcome.failed} refused (see the report)` : ''}.
              </Notice>
            ) : null}
            {view.status === 'failed' ? (
              <Notice tone="danger" title="The import stopped">
                {view.error}
              </Notice>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {view.status === 'previewed' && errorCount === 0 ? (
                <Button
                  onClick={() => void apply()}
                  disabled={Boolean(busy)}
                  data-testid="apply-import"
                >
                  Apply {preview.rows} rows
                </Button>
              ) : null}
              <Button variant="secondary" onClick={() => void report()}>
                Download the report
              </Button>
            </div>
            {preview.changes.length > 0 && view.status === 'previewed' ? (
              <Table
                framed
                caption="What will change"
                captionVisible
                columns={[
                  {
                    key: 'line',
                    header: 'Line',
                    cell: (row) => row.line,
                    align: 'end',
                    className: 'w-16',
                  },
                  {
                    key: 'handle',
                    header: preview.kind === 'stock' ? 'SKU' : 'Product',
                    cell: (row) => row.handle || row.sku,
                    className: 'break-all',
                  },
                  {
                    key: 'action',
                    header: 'Change',
                    cell: (row) => (
                      <Badge tone={row.action === 'create' ? 'success' : 'info'}>
                        {row.action === 'create' ? 'new' : 'changed'}
                      </Badge>
                    ),
                  },
                  {
                    key: 'fields',
                    header: 'Fields',
                    cell: (row) => row.fields.join(', ') || '—',
                    hideBelow: 'sm',
                  },
                ]}
                rows={preview.changes}
                rowKey={(row) => `${row.line}`}
              />
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-card border border-line bg-surface p-3 shadow-card">
      <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">{label}</dt>
      <dd className="mt-1 text-sm text-ink">{value}</dd>
    </div>
  );
}
