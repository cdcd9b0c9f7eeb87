import { buttonClassNames, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogOverview } from '@/components/catalog-overview';
import { PlatformStatus } from '@/components/platform-status';
import { requireStaff } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { platformStatus } from '@/server/platform-status';

// Live figures on every request; `next build` never calls a cell.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  // This page shares the root layout's segment, where the layout's title template does not
  // apply: spell the full title out, as the template would.
  title: { absolute: 'Dashboard · Shop Admin' },
  description: 'Platform health and catalogue figures at a glance.',
};

export default async function DashboardPage() {
  // Every staff role sees the dashboard; its calls carry the staff member's token.
  const client = cellsAs(await requireStaff('/'));
  const [statuses, products, categories] = await Promise.all([
    platformStatus(),
    callCell(({ signal }) => client.product.list.query({ pageSize: 5 }, { signal })),
    callCell(({ signal }) => client.product.categories.query(undefined, { signal })),
  ]);
  const checkedAt = new Date().toLocaleTimeString('en-GB', { timeZone: 'UTC' });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-12">
      <PageHeader
        eyebrow="Back office"
        title="Dashboard"
        description={`Platform health and catalogue at a glance. Checked at ${checkedAt} UTC.`}
        actions={
          // The page is dynamic: navigating to it again re-asks every cell.
          <Link href="/" prefetch={false} className={buttonClassNames({ variant: 'secondary' })}>
            Refresh
          </Link>
        }
      />
      <PlatformStatus cells={statuses} />
      <CatalogOverview products={products} categories={categories} />
    </div>
  );
}
