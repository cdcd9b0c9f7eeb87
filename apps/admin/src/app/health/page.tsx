import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader, buttonClassNames } from '@shop/ui';
import { requireStaff } from '@/auth/current-session';
import { PlatformStatus } from '@/components/platform-status';
import { platformStatus } from '@/server/platform-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Service health',
  description: 'Whether each of the platform’s services answers, with its version and uptime.',
};

/** Every cell's status (answering or not, version, uptime), for every staff role. */
export default async function HealthPage() {
  await requireStaff('/health');
  const statuses = await platformStatus();
  const checkedAt = new Date().toLocaleTimeString('en-GB', { timeZone: 'UTC' });
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-10">
      <PageHeader
        eyebrow="Back office"
        title="Service health"
        description={`Each service of the platform, checked at ${checkedAt} UTC.`}
        actions={
          <Link
            href="/health"
            prefetch={false}
            className={buttonClassNames({ variant: 'secondary' })}
          >
            Check again
          </Link>
        }
      />
      <PlatformStatus cells={statuses} />
    </div>
  );
}
