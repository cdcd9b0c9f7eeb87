import { Card, CardBody, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { ShippingSettingsForm } from '@/components/orders/shipping-settings-form';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shipping & tax' };

/** The checkout's shipping methods and tax rates (orders:read to see, orders:write to change). */
export default async function ShippingSettingsPage() {
  const session = await requirePermission('orders:read', '/settings/shipping');
  const settings = await callCell(({ signal }) =>
    cellsAs(session).order.shippingSettings.query(undefined, { signal }),
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Shipping & tax"
        description="What checkout offers for delivery, whether prices include tax, and the tax rates per country and tax class. Prices in euros."
      />
      {!settings.ok ? (
        <Notice tone="degraded" title="Shipping and tax settings cannot be shown right now">
          The order service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <Card>
          <CardBody className="py-6">
            <ShippingSettingsForm
              values={settings.data}
              canWrite={session.permissions.has('orders:write')}
            />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
