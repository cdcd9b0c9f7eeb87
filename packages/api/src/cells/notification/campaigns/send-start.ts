import { notificationDatabase } from '../database';
import { audienceCount } from './audience';
import type { StoredCampaign } from './campaign-records';
import type { CampaignAudience } from './inputs';

/**
 * The first step of a send run: a scheduled campaign (at this generation) becomes `sending`, its
 * start time (the audience's cut-off) and audience size are fixed once; a campaign already
 * sending at this generation (a hand-on run, a resume) just goes on. Anything else: the run ends.
 */
export async function startSending(
  campaignId: string,
  generation: number,
): Promise<{ go: boolean; reason: string }> {
  const { Campaign } = await notificationDatabase.models();
  const campaign = await Campaign.findById(campaignId).lean<StoredCampaign>();
  if (!campaign) return { go: false, reason: 'missing' };
  if (campaign.generation !== generation) return { go: false, reason: 'superseded' };
  if (campaign.status === 'sending') return { go: true, reason: 'sending' };
  if (campaign.status !== 'scheduled') return { go: false, reason: campaign.status };
  const first = !campaign.startedAt;
  const startedAt = campaign.startedAt ?? new Date();
  const audience = first ? await audienceCount(campaign.audience as CampaignAudience) : null;
  const started = await Campaign.updateOne(
    { _id: campaign._id, generation, status: 'scheduled' },
    {
      $set: {
        status: 'sending',
        startedAt,
        ...(audience !== null && { 'counts.audience': audience }),
      },
    },
  );
  return started.modifiedCount === 1
    ? { go: true, reason: 'started' }
    : { go: false, reason: 'changed' };
}

/**
 * A batch kept failing after its retries (the mail server refused for minutes): the campaign
 * pauses with the reason, so staff see it and resume when the server is back.
 */
export async function pauseAfterFailure(
  campaignId: string,
  generation: number,
  reason: string,
): Promise<void> {
  const { Campaign } = await notificationDatabase.models();
  await Campaign.updateOne(
    { _id: campaignId, generation, status: 'sending' },
    { $set: { status: 'paused', pausedAt: new Date(), lastError: reason.slice(0, 500) } },
  );
}
