import { formatMoney } from '@shop/money';
import { Badge, Card, CardBody, CardHeader, EmptyState, Notice, PageHeader } from '@shop/ui';
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

/** Discount codes (orders:read to see, orders:write to create and change). */
export default async function DiscountsPage() {
  const session = await requirePermission('orders:read', '/discounts');
  const canWrite = session.permissions.has('orders:write');
  const codes = await callCell(({ signal }) =>
    cellsAs(session).order.discountCodes.query(undefined, { signal }),
  );
  const now = Date.now();
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
      ) : codes.data.items.length === 0 ? (
        <EmptyState
          title="No discount codes yet"
          description={canWrite ? 'Create the first one below.' : undefined}
        />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Discount codes ({codes.data.items.length})</caption>
            <thead className="border-b border-line text-xs font-medium tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-5 py-3">
                  Code
                </th>
                <th scope="col" className="px-5 py-3">
                  Terms
                </th>
                <th scope="col" className="px-5 py-3">
                  Dates (UTC)
                </th>
                <th scope="col" className="px-5 py-3 text-right">
                  Used
                </th>
                <th scope="col" className="px-5 py-3">
                  State
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {codes.data.items.map((code) => {
                const state = availability(code, now);
                return (
                  <tr key={code.id} data-testid="discount-row">
                    <td className="px-5 py-3">
                      <Link
                        href={`/discounts/${encodeURIComponent(code.code)}` as Route}
                        className="font-mono font-medium text-accent-700 underline-offset-4 hover:underline"
                      >
                        {code.code}
                      </Link>
                    </td>
                    <td className="px-5 py-3 text-ink">
                      {code.description}
                      {code.kind === 'fixed' ? (
                        <span className="sr-only"> ({formatMoney(code.value, 'EUR')} off)</span>
                      ) : null}
                    </td>
                    <td className="px-5 py-3 whitespace-nowrap text-ink-muted">
                      {code.startsAt ? dateFormat.format(new Date(code.startsAt)) : 'Any time'}
                      {' – '}
                      {code.expiresAt ? dateFormat.format(new Date(code.expiresAt)) : 'no end'}
                    </td>
                    <td className="px-5 py-3 text-right tabular-nums">
                      {code.usedCount}
                      {code.usageLimit ? ` / ${code.usageLimit}` : ''}
                      {code.perCustomerLimit ? (
                        <span className="block text-xs text-ink-muted">
                          {code.perCustomerLimit} per customer
                        </span>
                      ) : null}
                    </td>
                    <td className="px-5 py-3">
                      <Badge tone={state.tone}>{state.label}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
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
