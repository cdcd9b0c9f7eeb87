import { formatMoney } from '@shop/money';
import { buttonClassNames, Card, CardBody, Container, formatOrderTime, Notice } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CancelByLinkForm } from '@/components/orders/cancel-by-link-form';
import { callCell } from '@/server/cell-call';
import { shopperCells } from '@/server/cart-cells';
import { cancelOrderByLink } from './actions';

// Reads the link's token from the query, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Cancel your order',
  robots: { index: false },
  // The address holds the link's token: never send it on to another site.
  referrer: 'no-referrer',
};

const linkToken = /^[A-Za-z0-9_-]{43}$/;

/**
 * Where the emailed cancellation link lands: the order it cancels and a button to confirm.
 * Opening the page cancels nothing; an expired or used link says what to do instead.
 */
export default async function CancelByLinkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const valid = typeof token === 'string' && linkToken.test(token) ? token : undefined;
  const { client } = await shopperCells();
  const found = valid
    ? await callCell(({ signal }) => client.order.cancelLink.query({ token: valid }, { signal }))
    : null;

  return (
    <Container className="max-w-xl py-10 sm:py-14">
      <p className="text-sm font-medium text-accent-700">Orders</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
        Cancel your order
      </h1>
      {found?.ok ? (
        <Card className="mt-6">
          <CardBody className="flex flex-col gap-4 py-6">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-ink-muted">Order</dt>
              <dd className="font-semibold text-ink">{found.data.number}</dd>
              <dt className="text-ink-muted">Placed</dt>
              <dd className="text-ink">{formatOrderTime(found.data.placedAt)}</dd>
              <dt className="text-ink-muted">Total</dt>
              <dd className="text-ink">
                {formatMoney(found.data.totalMinor, found.data.currency)} · {found.data.itemCount}{' '}
                {found.data.itemCount === 1 ? 'item' : 'items'}
              </dd>
            </dl>
            {found.data.cancelled ? (
              <Notice tone="success" title={`Order ${found.data.number} is cancelled`}>
                Nothing more will happen with it.
              </Notice>
            ) : found.data.canCancel ? (
              <CancelByLinkForm order={found.data} token={valid ?? ''} action={cancelOrderByLink} />
            ) : found.data.link === 'expired' ? (
              <LinkProblem title="This link has expired">
                Links to cancel an order work for an hour. Look your order up and ask for a new one.
              </LinkProblem>
            ) : found.data.link === 'spent' ? (
              <LinkProblem title="This link has been used">
                Look your order up to see where it is, and ask for a new link if you still want to
                cancel it.
              </LinkProblem>
            ) : (
              <LinkProblem title="This order can no longer be cancelled">
                It has already been sent (or cancelled). Look it up to see where it is.
              </LinkProblem>
            )}
          </CardBody>
        </Card>
      ) : found && found.failure !== 'not-found' ? (
        <Notice className="mt-6" tone="degraded" title="We cannot open this link right now">
          The service that keeps orders is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <div className="mt-6">
          <LinkProblem title="This link is not valid">
            It may have been replaced by a newer one. Look your order up and ask for a new link.
          </LinkProblem>
        </div>
      )}
    </Container>
  );
}

function LinkProblem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-4">
      <Notice tone="warning" title={title}>
        {children}
      </Notice>
      <div>
        <Link href="/orders/track" className={buttonClassNames({ variant: 'secondary' })}>
          Look up your order
        </Link>
      </div>
    </div>
  );
}
