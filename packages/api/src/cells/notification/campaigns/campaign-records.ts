import type { Campaign, CampaignStatus } from '@shop/db/notification';
import { editableCampaignStatuses } from '@shop/db/notification';
import type { Types } from 'mongoose';
import type { CampaignAudience, CampaignBlock } from './inputs';
import type { CampaignCountsView, CampaignSummaryView, CampaignView } from './views';

/** A campaign as read from the database (lean). */
export type StoredCampaign = Campaign & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
  /** Subscriber id the send has got past (see send-batch.ts). */
  cursor?: string | null;
};

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

export function isEditable(status: CampaignStatus): boolean {
  return (editableCampaignStatuses as readonly string[]).includes(status);
}

function countsOf(campaign: StoredCampaign): CampaignCountsView {
  const counts = campaign.counts ?? {};
  return {
    audience: counts.audience ?? 0,
    sent: counts.sent ?? 0,
    failed: counts.failed ?? 0,
    skipped: counts.skipped ?? 0,
    bounced: counts.bounced ?? 0,
    complained: counts.complained ?? 0,
  };
}

export function toCampaignSummaryView(campaign: StoredCampaign): CampaignSummaryView {
  return {
    id: campaign._id.toString(),
    name: campaign.name,
    subject: campaign.subject,
    status: campaign.status,
    audience: campaign.audience as CampaignAudience,
    counts: countsOf(campaign),
    sendAt: iso(campaign.sendAt),
    startedAt: iso(campaign.startedAt),
    finishedAt: iso(campaign.finishedAt),
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export function toCampaignView(campaign: StoredCampaign): CampaignView {
  return {
    ...toCampaignSummaryView(campaign),
    preheader: campaign.preheader ?? null,
    language: campaign.language,
    blocks: campaign.blocks as CampaignBlock[],
    pausedAt: iso(campaign.pausedAt),
    cancelledAt: iso(campaign.cancelledAt),
    lastTestSentAt: iso(campaign.lastTestSentAt),
    lastError: campaign.lastError ?? null,
    editable: isEditable(campaign.status),
  };
}
