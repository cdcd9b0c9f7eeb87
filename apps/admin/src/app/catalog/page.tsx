import { buttonClassNames, Input, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import {
  oneOf,
  productStatusLabels,
  productStatusOptions,
  sortOptions,
  stockFilterOptions,
} from '@/components/catalog/catalog-labels';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { ProductListTable } from '@/components/catalog/product-list-table';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Catalog' };

const pageSize = 25;
const selectClass =
  'h-10 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink shadow-card';

function one(value: string | string[] | undefined, max = 100): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** Every product in any status: searched, filtered, ordered and paged; bulk actions on a page. */
export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('catalog:read', '/catalog');
  const canWrite = session.permissions.has('catalog:write');
  const params = await searchParams;
  const q = one(params.q);
  const status = oneOf(productStatusOptions, one(params.status));
  const stock = oneOf(
    stockFilterOptions.map((option) => option.value),
    one(params.stock),
  );
  const sort =
    oneOf(
      sortOptions.map((option) => option.value),
      one(params.sort),
    ) ?? 'updated';
  const category = /^[a-z0-9-]{1,120}$/.test(one(params.category)) ? one(params.category) : '';
  const brand = one(params.brand);
  const pageParam = Number.parseInt(one(params.page), 10);
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;

  const cells = cellsAs(session);
  const [products, tree] = await Promise.all([
    callCell(({ signal }) =>
      cells.product.adminList.query(
        {
          page,
          pageSize,
          sort,
          ...(q ? { q } : {}),
          ...(status ? { status } : {}),
          ...(stock ? { stock } : {}),
          ...(category ? { categorySlug: category } : {}),
          ...(brand ? { brand } : {}),
        },
        { signal },
      ),
    ),
    callCell(({ signal }) => cells.product.categoryTree.query(undefined, { signal })),
  ]);
  const categories = tree.ok ? categoryOptionsOf(tree.data.items) : [];
  const filters = {
    q,
    status: status ?? '',
    stock: stock ?? '',
    category,
    brand,
    sort: sort === 'updated' ? '' : sort,
  };
  const pageHref = (target: number) =>
    `/catalog?${new URLSearchParams({
      ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
      page: String(target),
    })}` as Route;
  const pageCount = products.ok ? Math.max(1, Math.ceil(products.data.totalCount / pageSize)) : 1;
  const filtered = Boolean(q || status || stock || category || brand);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Back office"
        title="Catalog"
        description="Every product, in any status. Search by name, SKU or barcode; filter, sort, and act on several at once."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/catalog/categories" className={buttonClassNames({ variant: 'secondary' })}>
              Categories
            </Link>
            <Link
              href="/catalog/collections"
              className={buttonClassNames({ variant: 'secondary' })}
            >
              Collections
            </Link>
            {canWrite ? (
              <Link href="/catalog/import" className={buttonClassNames({ variant: 'secondary' })}>
                Import CSV
              </Link>
            ) : (
              <a
                href="/catalog/export"
                download
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Export CSV
              </a>
            )}
            {canWrite ? (
              <Link href="/catalog/new" className={buttonClassNames()}>
                New product
              </Link>
            ) : null}
          </div>
        }
      />
      <form
        role="search"
        aria-label="Products"
        action="/catalog"
        className="grid gap-3 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <label htmlFor="catalog-search" className="text-sm font-medium text-ink">
            Search
          </label>
          <Input
            id="catalog-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name, SKU or barcode"
          />
        </div>
        <FilterSelect id="catalog-status" name="status" label="Status" value={status ?? ''}>
          <option value="">Any status</option>
          {productStatusOptions.map((option) => (
            <option key={option} value={option}>
              {productStatusLabels[option].label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-category" name="category" label="Category" value={category}>
          <option value="">Any category</option>
          {categories.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.path}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-brand" name="brand" label="Brand" value={brand}>
          <option value="">Any brand</option>
          {(products.ok ? products.data.brands : []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-stock" name="stock" label="Stock" value={stock ?? ''}>
          <option value="">Any stock</option>
          {stockFilterOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="catalog-sort"
          name="sort"
          label="Sort by"
          value={sort}
          className="lg:col-span-2"
        >
          {sortOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </FilterSelect>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4 lg:items-end">
          <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
            Show products
          </button>
          {filtered || sort !== 'updated' ? (
            <Link href="/catalog" className={buttonClassNames({ variant: 'ghost' })}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
      {!products.ok ? (
        <Notice tone="degraded" title="Products cannot be shown right now">
          {products.failure === 'failed'
            ? 'The catalogue service refused the request. Reload the page; if it persists, sign in again.'
            : 'The catalogue service is not answering. Reload the page in a moment.'}
        </Notice>
      ) : (
        <ProductListTable
          items={products.data.items}
          caption={`Products, page ${Math.min(page, pageCount)} of ${pageCount} (${products.data.totalCount} in all)`}
          categories={categories}
          canWrite={canWrite}
          filtered={filtered}
        />
      )}
      {products.ok && pageCount > 1 ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Previous page
            </Link>
          ) : null}
          <p className="text-sm text-ink-muted">
            Page {Math.min(page, pageCount)} of {pageCount}
          </p>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  className,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-1.5 ${className ?? ''}`}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        {children}
      </select>
    </div>
  );
}
