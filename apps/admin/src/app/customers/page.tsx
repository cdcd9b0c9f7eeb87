import type { RouterOutputs } from '@shop/api/client';
import {
  buttonClassNames,
  EmptyState,
  Input,
  Notice,
  PageHeader,
  Table,
  type TableColumn,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Customers' };

const pageSize = 24;

function pageNumber(value: unknown): number {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : 1;
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 1000 ? parsed : 1;
}

type CustomerRow = RouterOutputs['user']['listCustomers']['items'][number];

const customerColumns: TableColumn<CustomerRow>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (customer) => (
      <Link
        href={`/customers/${customer.accountId}` as Route}
        className="font-medium text-accent-700 underline-offset-4 hover:underline"
      >
        {customer.name || 'Unnamed customer'}
      </Link>
    ),
  },
  {
    key: 'email',
    header: 'Email',
    className: 'break-all text-ink-muted',
    cell: (customer) => customer.email ?? '—',
  },
  {
    key: 'joined',
    header: 'Joined',
    className: 'whitespace-nowrap text-ink-muted',
    cell: (customer) =>
      new Date(customer.createdAt).toLocaleDateString('en-GB', { timeZone: 'UTC' }),
  },
];

/** Customers, newest first, searchable; for staff with customers:read. */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('customers:read', '/customers');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const page = pageNumber(params.page);
  const customers = await callCell(({ signal }) =>
    cellsAs(session).user.listCustomers.query({ q: q || undefined, page, pageSize }, { signal }),
  );
  const pageHref = (target: number) =>
    `/customers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}` as Route;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Customers"
        description="Shopper accounts, newest first. Search by name, email or account id."
      />
      <form role="search" action="/customers" className="flex max-w-xl gap-2">
        <label htmlFor="customer-search" className="sr-only">
          Search customers
        </label>
        <Input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Name, email or account id"
        />
        <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
          Search
        </button>
      </form>
      {!customers.ok ? (
        <Notice tone="degraded" title="Customers cannot be shown right now">
          The user service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <Table
          framed
          tableClassName="min-w-[36rem]"
          caption={`Customers, page ${customers.data.page} (${customers.data.totalCount} in all)`}
          columns={customerColumns}
          rows={customers.data.items}
          rowKey={(customer) => customer.accountId}
          rowProps={() => ({ 'data-testid': 'customer-row' })}
          empty={
            <EmptyState
              title={q ? 'No customer matches that search' : 'No customers yet'}
              description={q ? 'Check the spelling, or search by email.' : undefined}
            />
          }
        />
      )}
      {customers.ok && (page > 1 || customers.data.hasMore) ? (
        <nav aria-label="Pages" className="flex gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Previous page
            </Link>
          ) : null}
          {customers.data.hasMore ? (
            <Link href={pageHref(page + 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
