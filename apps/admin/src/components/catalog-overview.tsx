import type { RouterOutputs } from '@shop/api/client';
import {
  Card,
  CardHeader,
  EmptyState,
  Notice,
  Price,
  SectionHeading,
  Table,
  type TableColumn,
} from '@shop/ui';
import type { CellResult } from '@/server/cell-call';

export interface CatalogOverviewProps {
  products: CellResult<RouterOutputs['product']['list']>;
  categories: CellResult<RouterOutputs['product']['categories']>;
}

type ProductRow = RouterOutputs['product']['list']['items'][number];

function productColumns(categoryNames: ReadonlyMap<string, string>): TableColumn<ProductRow>[] {
  return [
    {
      key: 'product',
      header: 'Product',
      rowHeader: true,
      cell: (product) => (
        <>
          {product.name}
          <span className="block font-mono text-xs font-normal text-ink-subtle">
            {product.slug}
          </span>
        </>
      ),
    },
    {
      key: 'brand',
      header: 'Brand',
      className: 'text-ink-muted',
      cell: (product) => product.brand,
    },
    {
      key: 'categories',
      header: 'Categories',
      className: 'text-ink-muted',
      cell: (product) =>
        product.categorySlugs.map((slug) => categoryNames.get(slug) ?? slug).join(', '),
    },
    {
      key: 'price',
      header: 'Price',
      align: 'end',
      cell: (product) => <Price minor={product.priceMinor} currency={product.currency} />,
    },
  ];
}

/** Product and category counts and the newest products, or a notice when the cell is down. */
export function CatalogOverview({ products, categories }: CatalogOverviewProps) {
  const categoryNames = new Map(
    categories.ok ? categories.data.items.map((c) => [c.slug, c.name] as const) : [],
  );
  return (
    <section aria-labelledby="catalog-overview">
      <SectionHeading id="catalog-overview" title="Catalog overview" />
      {!products.ok || !categories.ok ? (
        <Notice
          tone="degraded"
          className="mb-4"
          data-testid="catalog-unavailable"
          title="The product service is unavailable"
        >
          Catalogue figures will appear again as soon as it answers.
        </Notice>
      ) : null}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Stat
          label="Products"
          value={products.ok ? products.data.totalCount : null}
          testId="catalog-product-count"
        />
        <Stat
          label="Categories"
          value={categories.ok ? categories.data.items.length : null}
          testId="catalog-category-count"
        />
      </dl>
      {products.ok ? (
        <Card className="mt-4 overflow-hidden">
          <CardHeader as="h3" title="Latest products" description="Newest first" />
          <Table
            caption="The most recently added products"
            tableClassName="min-w-[36rem]"
            columns={productColumns(categoryNames)}
            rows={products.data.items}
            rowKey={(product) => product.id}
            rowProps={() => ({ 'data-testid': 'catalog-product-row' })}
            empty={<EmptyState as="h4" title="No products yet" className="m-4" />}
          />
        </Card>
      ) : null}
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  return (
    <Card className="px-5 py-4">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd
        data-testid={testId}
        className="mt-1 text-3xl font-semibold tracking-tight text-ink tabular-nums"
      >
        {value === null ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">Unavailable</span>
          </>
        ) : (
          value.toLocaleString('en-US')
        )}
      </dd>
    </Card>
  );
}
