import {
  Badge,
  buttonClassNames,
  classNames,
  EmptyState,
  Notice,
  PageHeader,
  Table,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { NotificationTabs } from '../_components/notification-tabs';
import {
  campaignStatuses,
  campaignStatusLabels,
  campaignStatusOf,
  describeAudience,
  type CampaignStatus,
  type CampaignSummary,
} from './_components/campaign-status';
import { categoryChoices } from './_components/category-choices';
import { shopTimeZone } from './_components/shop-time-zone';
import { formatInZone } from './_components/zoned-time';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Campaigns' };

const number = new Intl.NumberFormat('en-GB');
const objectId = /^[0-9a-f]{24}$/;

function listHref(status?: CampaignStatus, cursor?: string): Route {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return (text ? `/notifications/campaigns?${text}` : '/notifications/campaigns') as Route;
}

/** Sent of the audience once sending started; before that the audience is not fixed yet. */
function sentOfTotal(campaign: CampaignSummary): string {
  if (campaign.status === 'draft' || campaign.status === 'scheduled') return '—';
  return `${number.format(campaign.counts.sent)} / ${number.format(campaign.counts.audience)}`;
}

/**
 * Marketing campaigns (notifications:send), newest first, filtered by status: what each is sent
 * to, how far sending got and when it is scheduled. A new one starts from "New campaign".
 */
export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('notifications:send', '/notifications/campaigns');
  const params = await searchParams;
  const status = campaignStatusOf(params.status);
  const cursor =
    typeof params.cursor === 'string' && objectId.test(params.cursor) ? params.cursor : undefined;
  const [answer, timeZone, categories] = await Promise.all([
    callCell(({ signal }) =>
      cellsAs(session).notification.listCampaigns.query({ status, cursor, limit: 20 }, { signal }),
    ),
    shopTimeZone(session),
    categoryChoices(session),
  ]);
  const categoryNames = new Map(categories.map((category) => [category.slug, category.path]));

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Notifications"
        title="Campaigns"
        description="Marketing emails to newsletter subscribers who confirmed, or to a segment of them. Unsubscribed and bounced addresses never get them."
        actions={
          <Link
            href={'/notifications/campaigns/new' as Route}
            className={buttonClassNames({ variant: 'primary' })}
          >
            New campaign
          </Link>
        }
      />
      <NotificationTabs current="campaigns" permissions={session.permissions} />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {[undefined, ...campaignStatuses].map((entry) => (
          <Link
            key={entry ?? 'all'}
            href={listHref(entry)}
            aria-current={entry === status ? 'page' : undefined}
            className={classNames(
              'rounded-full border px-3 py-1 text-sm',
              entry === status
                ? 'border-accent-600 bg-accent-50 font-medium text-accent-700'
                : 'border-line text-ink-muted hover:bg-surface-sunken hover:text-ink',
            )}
          >
            {entry ? campaignStatusLabels[entry].label : 'All'}
          </Link>
        ))}
      </nav>
      {!answer.ok ? (
        <Notice tone="degraded" title="Campaigns cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : answer.data.items.length === 0 ? (
        <EmptyState
          title={
            status
              ? `No ${campaignStatusLabels[status].label.toLowerCase()} campaigns`
              : 'No campaigns yet'
          }
          description={
            status
              ? 'Choose another status, or All.'
              : 'Write one: blocks of text, images, products and a button, sent to all subscribers or a segment.'
          }
          action={
            <Link
              href={'/notifications/campaigns/new' as Route}
              className={buttonClassNames({ variant: 'primary' })}
            >
              New campaign
            </Link>
          }
        />
      ) : (
        <>
          <Table
            caption="Campaigns, newest first"
            framed
            rows={answer.data.items}
            rowKey={(campaign) => campaign.id}
            rowProps={() => ({ 'data-testid': 'campaign-row' })}
            columns={[
              {
                key: 'name',
                header: 'Campaign',
                rowHeader: true,
                className: 'max-w-[16rem]',
                cell: (campaign) => (
                  <Link
                    href={`/notifications/campaigns/${campaign.id}` as Route}
                    className="font-medium break-words text-accent-700 underline-offset-2 hover:underline"
                  >
                    {campaign.name}
                  </Link>
                ),
              },
              {
                key: 'status',
                header: 'Status',
                cell: (campaign) => (
                  <Badge tone={campaignStatusLabels[campaign.status].tone}>
                    {campaignStatusLabels[campaign.status].label}
                  </Badge>
                ),
              },
              {
                key: 'audience',
                header: 'Audience',
                hideBelow: 'md',
                cell: (campaign) => describeAudience(campaign.audience, categoryNames),
              },
              {
                key: 'size',
                header: 'Audience size',
                align: 'end',
                hideBelow: 'lg',
                cell: (campaign) =>
                  campaign.counts.audience > 0 ? number.format(campaign.counts.audience) : '—',
              },
              {
                key: 'sent',
                header: 'Sent / total',
                align: 'end',
                className: 'whitespace-nowrap',
                cell: sentOfTotal,
              },
              {
                key: 'when',
                header: `Scheduled (${timeZone})`,
                hideBelow: 'sm',
                className: 'whitespace-nowrap',
                cell: (campaign) =>
                  campaign.sendAt ? formatInZone(campaign.sendAt, timeZone) : '—',
              },
            ]}
          />
          <nav aria-label="Pages" className="flex flex-wrap gap-3">
            {cursor ? (
              <Link href={listHref(status)} className={buttonClassNames({ variant: 'secondary' })}>
                Newest campaigns
              </Link>
            ) : null}
            {answer.data.nextCursor ? (
              <Link
                href={listHref(status, answer.data.nextCursor)}
                className={buttonClassNames({ variant: 'secondary' })}
              >
                Older campaigns
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
