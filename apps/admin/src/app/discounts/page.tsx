import { formatMoney } from '@shop/money';
import type { RouterOutputs } from '@shop/api/client';
import {
  Badge,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  Notice,
  PageHeader,
  Table,
  type TableColumn,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { DiscountCodeForm } from '@/components/orders/discount-code-form';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Discounts' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Whether shoppers can use the code right now, in words. */
function availability(
  code: { active: boolean; startsAt?: string; expiresAt?: string },
  now: number,
) {
  if (!code.active) return { label: 'Off', tone: 'neutral' as const };
  if (code.expiresAt && Date.parse(code.expiresAt) <= now)
    return { label: 'Expired', tone: 'warning' as const };
  if (code.startsAt && Date.parse(code.startsAt) > now)
    return { label: 'Scheduled', tone: 'info' as const };
  return { label: 'Active', tone: 'success' as const };
}

type DiscountCode = RouterOutputs['order']['discountCodes']['items'][number];

/** The codes table's columns; `now` decides which codes are active, scheduled or expired. */
function discountColumns(now: number): TableColumn<DiscountCode>[] {
  return [
    {
      key: 'code',
      header: 'Code',
      cell: (code) => (
        <Link
          href={`/discounts/${encodeURIComponent(code.code)}` as Route}
          className="font-mono font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          {code.code}
        </Link>
      ),
    },
    {
      key: 'terms',
      header: 'Terms',
      className: 'text-ink',
      cell: (code) => (
        <>
          {code.description}
          {code.kind === 'fixed' ? (
            <span className="sr-only"> ({formatMoney(code.value, 'EUR')} off)</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'dates',
      header: 'Dates (UTC)',
      className: 'whitespace-nowrap text-ink-muted',
      cell: (code) => (
        <>
          {code.startsAt ? dateFormat.format(new Date(code.startsAt)) : 'Any time'}
          {' – '}
          {code.expiresAt ? dateFormat.format(new Date(code.expiresAt)) : 'no end'}
        </>
      ),
    },
    {
      key: 'used',
      header: 'Used',
      align: 'end',
      className: 'tabular-nums',
      cell: (code) => (
        <>
          {code.usedCount}
          {code.usageLimit ? ` / ${code.usageLimit}` : ''}
          {code.perCustomerLimit ? (
            <span className="block text-xs text-ink-muted">
              {code.perCustomerLimit} per customer
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (code) => {
        const state = availability(code, now);
        return <Badge tone={state.tone}>{state.label}</Badge>;
      },
    },
  ];
}

/** Discount codes (orders:read to see, orders:write to create and change). */
export default async function DiscountsPage() {
  const session = await requirePermission('orders:read', '/discounts');
  const canWrite = session.permissions.has('orders:write');
  const codes = await callCell(({ signal }) =>
    cellsAs(session).order.discountCodes.query(undefined, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Discounts"
        description="Codes shoppers type at checkout: a percentage or a fixed amount off, with an optional minimum spend, dates and usage limits."
      />
      {!codes.ok ? (
        <Notice tone="degraded" title="Discount codes cannot be shown right now">
          The order service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <Table
          framed
          tableClassName="min-w-[44rem]"
          caption={`Discount codes (${codes.data.items.length})`}
          columns={discountColumns(Date.now())}
          rows={codes.data.items}
          rowKey={(code) => code.id}
          rowProps={() => ({ 'data-testid': 'discount-row' })}
          empty={
            <EmptyState
              title="No discount codes yet"
              description={canWrite ? 'Create the first one below.' : undefined}
            />
          }
        />
      )}
      {canWrite ? (
        <Card>
          <CardHeader title="New discount code" />
          <CardBody>
            <DiscountCodeForm canWrite />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
