import { Card, CardBody, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { AutoRefresh } from '../_components/auto-refresh';
import { CampaignComposer } from '../_components/campaign-composer';
import { CampaignControls } from '../_components/campaign-controls';
import { CampaignProgress } from '../_components/campaign-progress';
import { describeAudience } from '../_components/campaign-status';
import { categoryChoices } from '../_components/category-choices';
import { draftOfCampaign } from '../_components/draft-of-campaign';
import { shopTimeZone } from '../_components/shop-time-zone';
import { formatInZone, wallClockOf } from '../_components/zoned-time';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Campaign' };

/** Tomorrow at 09:00 in the shop's zone: the schedule field's suggestion. */
function tomorrowMorning(timeZone: string): string {
  return `${wallClockOf(new Date(Date.now() + 86_400_000), timeZone).slice(0, 10)}T09:00`;
}

/**
 * One campaign. While it is a draft or scheduled: the composer, and the panel to test, schedule
 * or send it. Once sending: its progress (refreshed every few seconds while it sends), pause,
 * resume and cancel, and what was sent.
 */
export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const session = await requirePermission('notifications:send', `/notifications/campaigns/${id}`);
  if (!/^[0-9a-f]{24}$/.test(id)) notFound();
  const search = await searchParams;
  const notification = cellsAs(session).notification;
  const [answer, timeZone] = await Promise.all([
    callCell(({ signal }) => notification.getCampaign.query({ id }, { signal })),
    shopTimeZone(session),
  ]);
  if (!answer.ok && answer.failure === 'not-found') notFound();

  const back = (
    <Link
      href={'/notifications/campaigns' as Route}
      className="self-start text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
    >
      ← All campaigns
    </Link>
  );
  if (!answer.ok) {
    return (
      <div className="mx-auto flex max-w-7xl flex-col gap-6">
        {back}
        <PageHeader eyebrow="Campaigns" title="Campaign" />
        <Notice tone="degraded" title="This campaign cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      </div>
    );
  }
  const campaign = answer.data;

  if (campaign.editable && (campaign.status === 'draft' || campaign.status === 'scheduled')) {
    const [draft, categories] = await Promise.all([
      draftOfCampaign(session, campaign),
      categoryChoices(session),
    ]);
    return (
      <div className="mx-auto flex max-w-7xl flex-col gap-6">
        {back}
        <PageHeader
          eyebrow={campaign.status === 'scheduled' ? 'Campaign · scheduled' : 'Campaign · draft'}
          title={campaign.name}
        />
        {search.saved === '1' ? (
          <Notice
            tone="success"
            title="Draft saved. Send yourself a test, schedule it or send it now."
          />
        ) : null}
        <CampaignComposer
          key={campaign.updatedAt}
          campaignId={campaign.id}
          initial={draft}
          categories={categories}
          send={{
            campaignId: campaign.id,
            status: campaign.status,
            sendAt: campaign.sendAt,
            sendAtInput: campaign.sendAt
              ? wallClockOf(new Date(campaign.sendAt), timeZone)
              : tomorrowMorning(timeZone),
            timeZone,
            staffEmail: session.account.email,
            lastTestSentAt: campaign.lastTestSentAt,
          }}
        />
      </div>
    );
  }

  // Sending, paused, sent or cancelled: the content is fixed; show it as sent.
  const categoryNames = new Map(
    (await categoryChoices(session)).map((category) => [category.slug, category.path]),
  );
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      {back}
      <PageHeader eyebrow="Campaign" title={campaign.name} />
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,40rem)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardBody className="flex flex-col gap-4">
              <CampaignProgress campaign={campaign} timeZone={timeZone} />
              <CampaignControls campaignId={campaign.id} status={campaign.status} />
              <AutoRefresh active={campaign.status === 'sending'} />
            </CardBody>
          </Card>
          <Card>
            <CardBody>
              <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-ink-muted">Subject</dt>
                <dd className="break-words text-ink">{campaign.subject}</dd>
                <dt className="text-ink-muted">Audience</dt>
                <dd className="text-ink">{describeAudience(campaign.audience, categoryNames)}</dd>
                <dt className="text-ink-muted">Language</dt>
                <dd className="text-ink uppercase">{campaign.language}</dd>
                {campaign.sendAt ? (
                  <>
                    <dt className="text-ink-muted">Scheduled for</dt>
                    <dd className="text-ink">
                      {formatInZone(campaign.sendAt, timeZone)} ({timeZone})
                    </dd>
                  </>
                ) : null}
              </dl>
            </CardBody>
          </Card>
        </div>
        <section aria-labelledby="sent-heading" className="flex min-w-0 flex-col gap-3">
          <h2 id="sent-heading" className="text-lg font-semibold text-ink">
            What was sent
          </h2>
          <div className="overflow-x-auto rounded-card border border-line bg-surface-sunken p-2">
            {/* sandbox="": the email's HTML runs no script, submits nothing, has no origin;
                preview-frame/ serves it with its own policy, so its pictures show. */}
            <iframe
              title="Campaign email"
              sandbox=""
              src={`/notifications/campaigns/preview-frame?id=${campaign.id}`}
              className="mx-auto block h-[40rem] w-[600px] max-w-none border-0 bg-white"
              data-testid="sent-preview"
            />
          </div>
        </section>
      </div>
    </div>
  );
}
