import { Badge, Card, CardBody, CardHeader, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { CustomerMarketing } from '@/components/customers/customer-marketing';
import { CustomerNotes } from '@/components/customers/customer-notes';
import { emailLanguages } from '@/app/notifications/_components/email-languages';
import { CustomerOrders } from '@/components/customers/customer-orders';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Customer' };

/**
 * One customer: profile, preferences and addresses (customers:read), their orders and lifetime
 * value (with orders:read), their newsletter consent, and staff's notes (added with customers:write).
 */
export default async function CustomerPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const session = await requirePermission('customers:read', `/customers/${accountId}`);
  if (!/^[0-9a-f]{24}$/i.test(accountId)) notFound();
  const client = cellsAs(session);
  const [customer, notes, history] = await Promise.all([
    callCell(({ signal }) => client.user.getCustomer.query({ accountId }, { signal })),
    callCell(({ signal }) => client.user.customerNotes.query({ accountId }, { signal })),
    session.permissions.has('orders:read')
      ? callCell(({ signal }) =>
          client.order.customerHistory.query({ accountId, pageSize: 10 }, { signal }),
        )
      : null,
  ]);
  if (!customer.ok && customer.failure === 'not-found') notFound();
  // The consent marketing mail obeys lives in the notification cell, keyed by address.
  const email = customer.ok ? customer.data.profile.email : null;
  const marketing = email
    ? await callCell(({ signal }) =>
        client.notification.customerMarketing.query({ email }, { signal }),
      )
    : null;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8">
      <Link href="/customers" className="text-sm font-medium text-accent-700 hover:underline">
        ← All customers
      </Link>
      {!customer.ok ? (
        <Notice tone="degraded" title="This customer cannot be shown right now">
          The user service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <>
          <PageHeader
            eyebrow="Customer"
            title={customer.data.profile.name || 'Unnamed customer'}
            description={customer.data.profile.email ?? undefined}
          />
          <div className="grid gap-6 md:grid-cols-2">
            <Card>
              <CardHeader title="Profile" />
              <CardBody>
                <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                  <dt className="text-ink-muted">Account id</dt>
                  <dd className="font-mono break-all">{customer.data.profile.accountId}</dd>
                  <dt className="text-ink-muted">Phone</dt>
                  <dd>{customer.data.profile.phone ?? '—'}</dd>
                  <dt className="text-ink-muted">Joined</dt>
                  <dd>
                    {new Date(customer.data.profile.createdAt).toLocaleDateString('en-GB', {
                      timeZone: 'UTC',
                    })}
                  </dd>
                  <dt className="text-ink-muted">Email language</dt>
                  <dd>
                    {emailLanguages.find(
                      ([code]) => code === customer.data.profile.preferences.language,
                    )?.[1] ?? customer.data.profile.preferences.language}
                  </dd>
                  <dt className="text-ink-muted">Currency</dt>
                  <dd>{customer.data.profile.preferences.currency}</dd>
                </dl>
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Addresses" />
              <CardBody>
                {customer.data.addresses.length === 0 ? (
                  <p className="text-sm text-ink-muted">No saved addresses.</p>
                ) : (
                  <ul className="flex flex-col gap-4">
                    {customer.data.addresses.map((address) => (
                      <li key={address.id} className="text-sm">
                        <div className="mb-1 flex gap-2">
                          {address.isDefaultShipping ? <Badge tone="accent">Shipping</Badge> : null}
                          {address.isDefaultBilling ? <Badge tone="info">Billing</Badge> : null}
                        </div>
                        <address className="leading-6 not-italic">
                          {address.name}, {address.line1}
                          {address.line2 ? `, ${address.line2}` : ''}, {address.postcode}{' '}
                          {address.city}
                          {address.region ? `, ${address.region}` : ''}, {address.country}
                        </address>
                      </li>
                    ))}
                  </ul>
                )}
              </CardBody>
            </Card>
          </div>
          {history ? <CustomerOrders history={history} /> : null}
          <CustomerMarketing marketing={marketing} />
          <CustomerNotes
            accountId={accountId}
            notes={notes}
            canWrite={session.permissions.has('customers:write')}
          />
        </>
      )}
    </div>
  );
}
