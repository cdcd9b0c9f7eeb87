import { buttonClassNames, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { ImportForm } from './import-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import CSV' };

/** CSV import: a dry run first, then apply (docs/back-office.md § CSV). */
export default async function ImportPage() {
  await requirePermission('catalog:write', '/catalog/import');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        eyebrow="Catalog"
        title="Import CSV"
        description="Products with their variants (one row per variant, grouped by handle) or stock adjustments. Every file is checked first: nothing changes until you apply it."
        actions={
          // A download from a route handler, not a page: a plain request, no client navigation.
          <a href="/catalog/export" download className={buttonClassNames({ variant: 'secondary' })}>
            Export all products
          </a>
        }
      />
      <ImportForm />
      <section
        aria-labelledby="format-title"
        className="rounded-card border border-line bg-surface p-4 text-sm text-ink shadow-card"
      >
        <h2 id="format-title" className="text-base font-semibold">
          The columns
        </h2>
        <p className="mt-2 text-ink-muted">
          Products: <code>handle</code>, <code>sku</code> and <code>price</code> are required; also{' '}
          <code>name</code>, <code>brand</code>, <code>status</code>, <code>categories</code> (slugs
          separated by |), <code>description</code>, <code>option1_name</code>/
          <code>option1_value</code> (up to 3), <code>compare_at_price</code>, <code>barcode</code>,{' '}
          <code>weight_grams</code>, <code>stock</code>, <code>low_stock_threshold</code>. Prices
          like 12.50 or 12,50. An export is a ready example. Stock: <code>sku</code>,{' '}
          <code>change</code> or <code>count</code>, <code>reason</code> (received, damaged,
          counted, returned), <code>note</code>.
        </p>
        <p className="mt-2">
          <Link href="/inventory" className="underline">
            Stock levels and history
          </Link>
        </p>
      </section>
    </div>
  );
}
