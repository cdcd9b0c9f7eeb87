import { Card, CardBody, CardHeader, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { DiscountCodeForm } from '@/components/orders/discount-code-form';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Discount code' };

/** One discount code's terms, editable with orders:write. */
export default async function DiscountCodePage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code).toUpperCase();
  const session = await requirePermission('orders:read', `/discounts/${encodeURIComponent(code)}`);
  if (!/^[A-Z0-9_-]{1,40}$/.test(code)) notFound();
  const codes = await callCell(({ signal }) =>
    cellsAs(session).order.discountCodes.query(undefined, { signal }),
  );
  const found = codes.ok ? codes.data.items.find((item) => item.code === code) : undefined;
  if (codes.ok && !found) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <Link
        href="/discounts"
        className="self-start text-sm font-medium text-accent-700 hover:underline"
      >
        ← All discount codes
      </Link>
      {!found ? (
        <Notice tone="degraded" title="This discount code cannot be shown right now">
          The order service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <>
          <PageHeader
            eyebrow="Discount code"
            title={found.code}
            description={`${found.description}. Used ${found.usedCount} ${found.usedCount === 1 ? 'time' : 'times'}.`}
          />
          <Card>
            <CardHeader title="Terms" />
            <CardBody>
              <DiscountCodeForm
                initial={found}
                canWrite={session.permissions.has('orders:write')}
              />
            </CardBody>
          </Card>
        </>
      )}
    </div>
  );
}
