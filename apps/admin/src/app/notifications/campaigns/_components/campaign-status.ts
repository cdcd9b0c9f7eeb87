import type { RouterOutputs } from '@shop/api/client';
import type { BadgeTone } from '@shop/ui';
import { formatMoney } from '@shop/money';

export type CampaignView = RouterOutputs['notification']['getCampaign'];
export type CampaignSummary = RouterOutputs['notification']['listCampaigns']['items'][number];
export type CampaignStatus = CampaignView['status'];
type Audience = CampaignView['audience'];

export const campaignStatuses = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
] as const satisfies readonly CampaignStatus[];

export const campaignStatusLabels: Record<CampaignStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  scheduled: { label: 'Scheduled', tone: 'info' },
  sending: { label: 'Sending', tone: 'accent' },
  paused: { label: 'Paused', tone: 'warning' },
  sent: { label: 'Sent', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
};

export function campaignStatusOf(value: unknown): CampaignStatus | undefined {
  return campaignStatuses.find((status) => status === value);
}

/** The audience rule in words ("Bought from Lighting"); categories by slug, when known. */
export function describeAudience(
  audience: Audience,
  categoryNames: ReadonlyMap<string, string> = new Map(),
): string {
  switch (audience.kind) {
    case 'all':
      return 'All subscribers';
    case 'boughtFromCategory':
      return `Bought from ${categoryNames.get(audience.categoryId) ?? audience.categoryId}`;
    case 'noOrderInDays':
      return `No order in ${audience.days} day${audience.days === 1 ? '' : 's'}`;
    case 'lifetimeValueAbove':
      return `Lifetime value above ${formatMoney(audience.amount, audience.currency, 'en-GB')}`;
  }
}
