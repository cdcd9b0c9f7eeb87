import type { RouterOutputs } from '@shop/api/client';
import { Card, CardHeader, EmptyState, Notice, Price, SectionHeading } from '@shop/ui';
import type { CellResult } from '@/server/cell-call';

export interface CatalogOverviewProps {
  products: CellResult<RouterOutputs['product']['list']>;
  categories: CellResult<RouterOutputs['product']['categories']>;
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
          {products.data.items.length === 0 ? (
            <EmptyState as="h4" title="No products yet" className="m-4" />
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">The most recently added products</caption>
                <thead className="bg-surface-sunken text-xs text-ink-muted">
                  <tr>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      Product
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      Brand
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      Categories
                    </th>
                    <th scope="col" className="px-5 py-2.5 text-right font-medium">
                      Price
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {products.data.items.map((product) => (
                    <tr key={product.id} data-testid="catalog-product-row">
                      <th scope="row" className="px-5 py-3 font-medium text-ink">
                        {product.name}
                        <span className="block font-mono text-xs font-normal text-ink-subtle">
                          {product.slug}
                        </span>
                      </th>
                      <td className="px-5 py-3 text-ink-muted">{product.brand}</td>
                      <td className="px-5 py-3 text-ink-muted">
                        {product.categorySlugs
                          .map((slug) => categoryNames.get(slug) ?? slug)
                          .join(', ')}
                      </td>
                      <td className="px-5 py-3 text-right">
                        <Price minor={product.priceMinor} currency={product.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
