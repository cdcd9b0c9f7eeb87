import { PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { categoryChoices } from '../_components/category-choices';
import { emptyCampaignDraft } from '../_components/campaign-draft';
import { CampaignComposer } from '../_components/campaign-composer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New campaign' };

/** A new campaign: written and saved as a draft first, then tested, scheduled or sent. */
export default async function NewCampaignPage() {
  const session = await requirePermission('notifications:send', '/notifications/campaigns/new');
  const categories = await categoryChoices(session);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <Link
        href={'/notifications/campaigns' as Route}
        className="self-start text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
      >
        ← All campaigns
      </Link>
      <PageHeader
        eyebrow="Campaigns"
        title="New campaign"
        description="Save it as a draft, then send yourself a test, schedule it or send it now."
      />
      <CampaignComposer initial={emptyCampaignDraft()} categories={categories} />
    </div>
  );
}
